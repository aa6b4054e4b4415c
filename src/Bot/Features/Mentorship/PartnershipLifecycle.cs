using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>How a partnership ends or goes on: prolongation by both, early end by either, completion at the end date.</summary>
public sealed class PartnershipLifecycle(
    PartnershipRepository partnerships,
    PeopleRepository people,
    Districts districts,
    OutboxWriter outbox,
    CoordinatorNotices coordinatorNotices,
    MentorshipReminders reminders,
    IOptions<MentorshipOptions> options)
{
    /// <summary>The partnership, if it is still active and the caller is one of its two partners; otherwise says why not.</summary>
    public async Task<Partnership?> ActiveForAsync(UpdateContext context, long partnershipId, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(partnershipId, cancellationToken);
        if (partnership is null || !partnership.IsPartner(context.UserId))
        {
            context.Reply(PartnershipTexts.NotAPartner);
            return null;
        }
        if (partnership.Status != PartnershipStatus.Active)
        {
            context.Reply(PartnershipTexts.NotActive);
            return null;
        }
        return partnership;
    }

    public async Task<string> NameOfAsync(long userId, CancellationToken cancellationToken) =>
        (await people.FindAsync(userId, cancellationToken))?.FullName ?? "";

    /// <summary>The local "today" of the partnership: the young director's district decides.</summary>
    public async Task<DateOnly> TodayAsync(Partnership partnership, DateTimeOffset now, CancellationToken cancellationToken) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, await ZoneAsync(partnership, cancellationToken)).DateTime);

    public async Task<TimeZoneInfo> ZoneAsync(Partnership partnership, CancellationToken cancellationToken) =>
        districts.TimeZone((await people.FindAsync(partnership.MenteeId, cancellationToken))?.District);

    /// <summary>
    /// Records the caller's answer for the term the button named. A button from an earlier term, or a second press
    /// of the answer already given, changes nothing and tells the partner nothing again.
    /// </summary>
    public async Task VoteProlongationAsync(UpdateContext context, Partnership partnership, bool prolong, string term, CancellationToken cancellationToken)
    {
        var byMentee = context.UserId == partnership.MenteeId;
        if (term != PartnershipCard.TermKey(partnership.EndsOn))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        if ((byMentee ? partnership.MenteeProlongs : partnership.MentorProlongs) == prolong)
        {
            context.AnswerCallback(Html.ToPlainText(PartnershipTexts.ProlongVoteAlreadyRecorded.Value));
            return;
        }
        if (!await partnerships.RecordProlongationVoteAsync(partnership.Id, partnership.EndsOn, byMentee, prolong, context.Now, cancellationToken))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var other = partnership.OtherSide(context.UserId);
        if (!prolong)
        {
            context.Reply(PartnershipTexts.ProlongVoteRecorded(false));
            outbox.Send(other, PartnershipTexts.PartnerDeclinedProlongation(await NameOfAsync(context.UserId, cancellationToken)));
            return;
        }
        var newEnd = partnership.EndsOn.AddMonths(options.Value.AgreementMonths);
        if (await partnerships.ProlongAsync(partnership.Id, newEnd, context.Now, cancellationToken))
        {
            await reminders.ScheduleTermAsync(partnership with { EndsOn = newEnd }, cancellationToken);
            var prolonged = PartnershipTexts.Prolonged(MentorshipTexts.Date(newEnd));
            context.Reply(prolonged);
            outbox.Send(other, prolonged);
            return;
        }
        context.Reply(PartnershipTexts.ProlongVoteRecorded(true));
        outbox.Send(other, PartnershipTexts.ProlongationQuestion(MentorshipTexts.Date(partnership.EndsOn)), PartnershipCard.ProlongationKeyboard(partnership));
    }

    public async Task EndEarlyAsync(UpdateContext context, Partnership partnership, string reason, CancellationToken cancellationToken)
    {
        if (!await partnerships.EndAsync(partnership.Id, PartnershipStatus.EndedEarly, reason, context.UserId, context.Now, cancellationToken))
        {
            context.Reply(PartnershipTexts.NotActive);
            return;
        }
        context.Reply(PartnershipTexts.EndedEarly, FeedbackKeyboard(partnership.Id));
        outbox.Send(partnership.OtherSide(context.UserId),
            PartnershipTexts.PartnerEndedEarly(await NameOfAsync(context.UserId, cancellationToken), reason), FeedbackKeyboard(partnership.Id));
        await TellCoordinatorsAsync(partnership, PartnershipTexts.PairEndedEarly(context.UserId == partnership.MenteeId, reason), cancellationToken);
    }

    private async Task TellCoordinatorsAsync(Partnership partnership, HtmlText how, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(partnership.MenteeId, cancellationToken) is { } mentee)
        {
            var mentor = await people.FindAsync(partnership.MentorId, cancellationToken);
            await coordinatorNotices.TellAsync(mentee.District, PartnershipTexts.PairEndedToCoordinator(how, mentee, mentor), cancellationToken);
        }
    }

    /// <summary>Closes the partnership if its end date has come in its district's time; both sides are asked for feedback.</summary>
    public async Task<bool> CompleteIfDueAsync(Partnership partnership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await TodayAsync(partnership, now, cancellationToken) < partnership.EndsOn
            || !await partnerships.EndAsync(partnership.Id, PartnershipStatus.Completed, null, null, now, cancellationToken))
        {
            return false;
        }
        var text = PartnershipTexts.Completed(MentorshipTexts.Date(partnership.EndsOn));
        outbox.Send(partnership.MenteeId, text, FeedbackKeyboard(partnership.Id));
        outbox.Send(partnership.MentorId, text, FeedbackKeyboard(partnership.Id));
        await TellCoordinatorsAsync(partnership, PartnershipTexts.PairCompleted(MentorshipTexts.Date(partnership.EndsOn)), cancellationToken);
        return true;
    }

    public static InlineKeyboardMarkup FeedbackKeyboard(long partnershipId) =>
        new([[InlineKeyboardButton.WithCallbackData(PartnershipTexts.FeedbackButton, CallbackData.Build(PartnershipCallback.Prefix, "fb", partnershipId))]]);
}
