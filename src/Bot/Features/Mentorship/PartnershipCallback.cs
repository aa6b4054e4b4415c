using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>
/// The partnership card's buttons (ps:action:partnershipId[:arg]). Only the two partners may act, and only on an
/// active partnership (feedback excepted); the data of any button is checked against the stored partnership.
/// </summary>
public sealed class PartnershipCallback(
    PartnershipRepository partnerships,
    PeopleRepository people,
    PartnershipCard card,
    PartnershipLifecycle lifecycle,
    PlanItemDialog planDialog,
    MeetingDialog meetingDialog,
    CheckinDialog checkinDialog,
    MentorNoteDialog noteDialog,
    EndPartnershipDialog endDialog,
    FeedbackDialog feedbackDialog) : ICallbackHandler
{
    public static string Prefix => "ps";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var partnership = data.LongArg(1) is { } id ? await partnerships.FindAsync(id, cancellationToken) : null;
        if (partnership is null || !partnership.IsPartner(context.UserId))
        {
            context.AnswerCallback(Html.ToPlainText(PartnershipTexts.NotAPartner.Value), alert: true);
            return;
        }
        var action = data.Arg(0);
        if (partnership.Status != PartnershipStatus.Active && action != "fb")
        {
            context.AnswerCallback(Html.ToPlainText(PartnershipTexts.NotActive.Value), alert: true);
            return;
        }
        if (context.Conversation is not null && action is not ("card" or "item" or "prl"))
        {
            context.AnswerCallback(Html.ToPlainText(Texts.FinishDialogFirst.Value), alert: true);
            return;
        }
        switch (action)
        {
            case "card":
                await card.ShowAsync(context, partnership, cancellationToken);
                return;
            case "plan":
                await planDialog.BeginAsync(context, new PlanItemDraft(partnership.Id), cancellationToken: cancellationToken);
                return;
            case "items":
                await ShowPlanItemsAsync(context, partnership, cancellationToken);
                return;
            case "item":
                await AdvancePlanItemAsync(context, partnership, data.LongArg(2), data.Arg(3), cancellationToken);
                return;
            case "meet":
                await meetingDialog.BeginAsync(context, partnership, cancellationToken);
                return;
            case "chk" when context.UserId == partnership.MenteeId:
                await checkinDialog.BeginAsync(context, new CheckinDraft(partnership.Id, partnership.Goals), cancellationToken: cancellationToken);
                return;
            case "note" when context.UserId == partnership.MentorId && data.LongArg(2) is { } checkinId:
                await noteDialog.BeginAsync(context, new MentorNoteDraft(partnership.Id, checkinId), cancellationToken: cancellationToken);
                return;
            case "prl" when data.Arg(2) is "y" or "n":
                context.RemoveCallbackKeyboard();
                await lifecycle.VoteProlongationAsync(context, partnership, data.Arg(2) == "y", data.Arg(3), cancellationToken);
                return;
            case "end":
                await endDialog.BeginAsync(context, new EndDraft(partnership.Id), cancellationToken: cancellationToken);
                return;
            case "fb":
                await feedbackDialog.BeginAsync(context, new FeedbackDraft(partnership.Id), cancellationToken: cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
                return;
        }
    }

    private async Task ShowPlanItemsAsync(UpdateContext context, Partnership partnership, CancellationToken cancellationToken)
    {
        var plan = await partnerships.PlanAsync(partnership.Id, cancellationToken);
        if (plan.Count == 0)
        {
            context.AnswerCallback(Html.ToPlainText(PartnershipTexts.NoPlanItems.Value));
            return;
        }
        context.Reply(PartnershipTexts.ChoosePlanItem, PlanKeyboard(partnership, plan));
    }

    private static InlineKeyboardMarkup PlanKeyboard(Partnership partnership, IReadOnlyList<PlanItem> plan) => new(plan
        .Select(item => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallback(
            $"{PartnershipTexts.StatusMark(item.Status)} {item.Title}", CallbackData.Build(Prefix, "item", partnership.Id, item.Id, item.Status))])
        .ToList());

    /// <summary>
    /// Moves the item one status on from the status its button showed; a double press, or a button left from before
    /// the partner moved the item, changes nothing and shows the item as it is now.
    /// </summary>
    private async Task AdvancePlanItemAsync(UpdateContext context, Partnership partnership, long? itemId, string shownStatus, CancellationToken cancellationToken)
    {
        var plan = await partnerships.PlanAsync(partnership.Id, cancellationToken);
        var item = plan.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var next = item.Status switch
        {
            PlanItemStatus.Planned => PlanItemStatus.InProgress,
            PlanItemStatus.InProgress => PlanItemStatus.Done,
            _ => PlanItemStatus.Planned,
        };
        if (shownStatus != item.Status.ToString()
            || !await partnerships.SetPlanItemStatusAsync(partnership.Id, item.Id, item.Status, next, context.Now, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText(PartnershipTexts.PlanItemAlreadyMarked(item.Title, item.Status).Value));
            context.EditOrReply(PartnershipTexts.ChoosePlanItem, PlanKeyboard(partnership, plan));
            return;
        }
        var marked = PartnershipTexts.PlanItemMarked(item.Title, next);
        context.AnswerCallback(Html.ToPlainText(marked.Value));
        context.EditOrReply(PartnershipTexts.ChoosePlanItem, PlanKeyboard(partnership, await partnerships.PlanAsync(partnership.Id, cancellationToken)));
        if (await people.FindAsync(context.UserId, cancellationToken) is { } me)
        {
            context.Outbox.Send(partnership.OtherSide(context.UserId), Html.Format($"{me.FullName}: {marked}"));
        }
    }
}
