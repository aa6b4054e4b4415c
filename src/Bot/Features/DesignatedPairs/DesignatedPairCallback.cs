using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.DesignatedPairs;

/// <summary>
/// The proposal's buttons (dp:ok:id, dp:no:id): each side confirms or declines; the second confirmation opens the
/// partnership. Checked against the pair's current status and the caller's side, so old buttons and forged ones do nothing.
/// </summary>
public sealed class DesignatedPairCallback(
    DesignatedPairRepository pairs,
    PeopleRepository people,
    MentorshipFlow flow,
    CoordinatorNotices coordinatorNotices,
    ILogger<DesignatedPairCallback> logger) : ICallbackHandler
{
    public static string Prefix => "dp";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var pair = data.LongArg(1) is { } id ? await pairs.FindAsync(id, cancellationToken) : null;
        if (pair?.SideOf(context.UserId) is not { } side)
        {
            context.AnswerCallback(Html.ToPlainText(DesignatedPairTexts.NotYours.Value), alert: true);
            return;
        }
        if (pair.Status != DesignatedPairStatus.Proposed)
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(Html.ToPlainText(DesignatedPairTexts.NoLongerWaiting.Value));
            return;
        }
        switch (data.Arg(0))
        {
            case DesignatedPairProposals.ConfirmValue:
                await ConfirmAsync(context, pair, side, cancellationToken);
                return;
            case DesignatedPairProposals.DeclineValue:
                await DeclineAsync(context, pair, side, cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    private async Task ConfirmAsync(UpdateContext context, DesignatedPair pair, PairSide side, CancellationToken cancellationToken)
    {
        if (side == PairSide.Mentor ? pair.MentorConfirmed : pair.MenteeConfirmed)
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(Html.ToPlainText(DesignatedPairTexts.AlreadyConfirmed.Value));
            return;
        }
        if (!await pairs.ConfirmAsync(pair.Id, side, context.UserId, context.Now, cancellationToken))
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(Html.ToPlainText(DesignatedPairTexts.NoLongerWaiting.Value));
            return;
        }
        context.RemoveCallbackKeyboard();
        var mentor = await people.FindAsync(pair.MentorId!.Value, cancellationToken);
        var mentee = await people.FindAsync(pair.MenteeId!.Value, cancellationToken);
        if (mentor is null || mentee is null)
        {
            context.Reply(DesignatedPairTexts.NoLongerWaiting);
            return;
        }
        if (!await pairs.StartAsync(pair.Id, context.Now, cancellationToken))
        {
            context.Reply(side == PairSide.Mentor ? DesignatedPairTexts.ConfirmedWaitingForMentee(mentee) : DesignatedPairTexts.ConfirmedWaitingForMentor(mentor));
            return;
        }
        var partnership = await flow.OpenDesignatedAsync(mentee, mentor, DesignatedPairTexts.RequestReason(pair), context.Now, cancellationToken);
        if (partnership is null)
        {
            await pairs.MoveAsync(pair.Id, [DesignatedPairStatus.Started], DesignatedPairStatus.Released, context.Now, cancellationToken);
            context.Outbox.Send(mentor.UserId, DesignatedPairTexts.CouldNotStart(pair));
            context.Outbox.Send(mentee.UserId, DesignatedPairTexts.CouldNotStart(pair));
            await coordinatorNotices.TellAsync(pair.District, DesignatedPairTexts.CouldNotStartToCoordinator(pair), cancellationToken);
            return;
        }
        await pairs.SetPartnershipAsync(pair.Id, partnership.Id, cancellationToken);
        logger.PairStarted(pair.Id, partnership.Id);
        var meeting = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(MentorshipTexts.MeetingButton, CallbackData.Build(PartnershipCallback.Prefix, "meet", partnership.Id))]]);
        context.Outbox.Send(mentor.UserId, DesignatedPairTexts.StartedToMentor(mentee, partnership.StartsOn, partnership.EndsOn), meeting);
        context.Outbox.Send(mentee.UserId, DesignatedPairTexts.StartedToMentee(mentor, partnership.StartsOn, partnership.EndsOn), meeting);
        await coordinatorNotices.TellAsync(pair.District, DesignatedPairTexts.StartedToCoordinator(pair, mentor, mentee), cancellationToken);
    }

    private async Task DeclineAsync(UpdateContext context, DesignatedPair pair, PairSide side, CancellationToken cancellationToken)
    {
        if (!await pairs.DeclineAsync(pair.Id, side, context.UserId, context.Now, cancellationToken))
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(Html.ToPlainText(DesignatedPairTexts.NoLongerWaiting.Value));
            return;
        }
        context.RemoveCallbackKeyboard();
        var mentor = await people.FindAsync(pair.MentorId!.Value, cancellationToken);
        var mentee = await people.FindAsync(pair.MenteeId!.Value, cancellationToken);
        if (mentor is null || mentee is null)
        {
            return;
        }
        logger.PairDeclined(pair.Id, side);
        await coordinatorNotices.TellAsync(pair.District, DesignatedPairTexts.DeclinedToCoordinator(pair, side, side == PairSide.Mentor ? mentor : mentee), cancellationToken);
        if (side == PairSide.Mentee)
        {
            context.Reply(DesignatedPairTexts.DeclineRecordedByMentee);
            context.Outbox.Send(mentor.UserId, DesignatedPairTexts.DeclinedByMenteeToMentor(pair, mentee));
            return;
        }
        context.Reply(DesignatedPairTexts.DeclineRecordedByMentor);
        await flow.RecordDesignatedRefusalAsync(mentee, mentor, DesignatedPairTexts.RequestReason(pair), context.Now, cancellationToken);
        // Released: the young director gets the usual candidates at once, as after a declined request.
        await flow.OfferSuggestionsAsync(mentee, DesignatedPairTexts.DeclinedByMentorToMentee(pair, mentor), cancellationToken);
    }
}
