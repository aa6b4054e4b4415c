using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>
/// The partnership card's buttons (ps:action:partnershipId[:arg]). Only the two partners may act, and only on an
/// active partnership (feedback excepted); the data of any button is checked against the stored partnership.
/// </summary>
public sealed class PartnershipCallback(
    PartnershipRepository partnerships,
    PartnershipCard card,
    MentorshipReminders reminders,
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
        if (context.Conversation is not null && action is not ("card" or "item" or "st" or "prl"))
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
                await ShowPlanItemAsync(context, partnership, data.LongArg(2), cancellationToken);
                return;
            case "st":
                await SetPlanItemStatusAsync(context, partnership, data.LongArg(2), StatusArg(data.Arg(3)), StatusArg(data.Arg(4)), cancellationToken);
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
        .Select(item => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(
            $"{PartnershipTexts.StatusMark(item.Status)} {item.Title}", CallbackData.Build(Prefix, "item", partnership.Id, item.Id))])
        .ToList());

    /// <summary>
    /// One button per status the item is not in; each names the status it was shown in, so that a button left from
    /// before a change (the person's own or the partner's) is recognised as stale.
    /// </summary>
    private static InlineKeyboardMarkup StatusKeyboard(Partnership partnership, PlanItem item) => new(
    [
        Enum.GetValues<PlanItemStatus>().Where(status => status != item.Status)
            .Select(status => InlineKeyboardButton.WithCallbackData(PartnershipTexts.StatusButton(status),
                CallbackData.Build(Prefix, "st", partnership.Id, item.Id, item.Status, status)))
            .ToList(),
        [InlineKeyboardButton.WithCallbackData(PartnershipTexts.OtherPlanItemButton, CallbackData.Build(Prefix, "items", partnership.Id))],
    ]);

    /// <summary>The item's status now, with a button for each other status (a list's button from before works the same way).</summary>
    private async Task ShowPlanItemAsync(UpdateContext context, Partnership partnership, long? itemId, CancellationToken cancellationToken)
    {
        if ((await partnerships.PlanAsync(partnership.Id, cancellationToken)).FirstOrDefault(i => i.Id == itemId) is not { } item)
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        context.EditOrReply(PartnershipTexts.ChoosePlanItemStatus(item.Title, item.Status), StatusKeyboard(partnership, item));
    }

    /// <summary>
    /// Sets the status the person chose, only from the status the button was shown in: the same status twice, or a
    /// button from before a change, changes nothing and says so. The partner is told once, a little later, with the
    /// status the item ended at (<see cref="MentorshipReminders.NoticePlanItemChangeAsync"/>).
    /// </summary>
    private async Task SetPlanItemStatusAsync(
        UpdateContext context, Partnership partnership, long? itemId, PlanItemStatus? shown, PlanItemStatus? chosen, CancellationToken cancellationToken)
    {
        var item = (await partnerships.PlanAsync(partnership.Id, cancellationToken)).FirstOrDefault(i => i.Id == itemId);
        if (item is null || shown is null || chosen is null)
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        if (chosen == item.Status || shown != item.Status
            || !await partnerships.SetPlanItemStatusAsync(partnership.Id, item.Id, item.Status, chosen.Value, context.Now, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText((chosen == item.Status
                ? PartnershipTexts.PlanItemStatusUnchanged(item.Title, item.Status)
                : PartnershipTexts.PlanItemStatusChangedMeanwhile(item.Title, item.Status)).Value), alert: true);
            context.EditOrReply(PartnershipTexts.ChoosePlanItemStatus(item.Title, item.Status), StatusKeyboard(partnership, item));
            return;
        }
        var changed = item with { Status = chosen.Value };
        context.AnswerCallback(Html.ToPlainText(PartnershipTexts.PlanItemStatusSet(item.Title, changed.Status).Value));
        context.EditOrReply(PartnershipTexts.ChoosePlanItemStatus(changed.Title, changed.Status), StatusKeyboard(partnership, changed));
        await reminders.NoticePlanItemChangeAsync(partnership, item, context.UserId, context.Now, cancellationToken);
    }

    private static PlanItemStatus? StatusArg(string value) =>
        Enum.TryParse<PlanItemStatus>(value, out var status) && Enum.IsDefined(status) && !char.IsAsciiDigit(value.FirstOrDefault()) ? status : null;
}
