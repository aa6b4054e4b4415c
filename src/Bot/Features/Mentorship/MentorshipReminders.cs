using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>Plans the reminders of requests, partnerships and meetings, in the same transaction as the change behind them.</summary>
public sealed class MentorshipReminders(ReminderScheduler scheduler, IOptions<RemindersOptions> options, TimeProvider clock) : IMeetingReminders
{
    private RemindersOptions Cadence => options.Value;

    public static ReminderSubject RequestSubject(long requestId) => new("request", requestId);

    public static ReminderSubject PartnershipSubject(long partnershipId) => new("partnership", partnershipId);

    public TimeSpan RequestExpiry => Cadence.RequestExpiryAfter;

    public async Task ScheduleRequestAsync(MentorRequest request, CancellationToken cancellationToken)
    {
        var subject = RequestSubject(request.Id);
        await scheduler.ScheduleAsync<RequestNudge>(subject, request.MentorId, request.CreatedAt + Cadence.RequestNudgeAfter, $"{request.Id}", cancellationToken: cancellationToken);
        await scheduler.ScheduleAsync<RequestExpiry>(subject, request.MenteeId, request.ExpiresAt, $"{request.Id}", cancellationToken: cancellationToken);
    }

    /// <summary>The rhythm of a partnership: monthly check-ins, the staleness watch, the prolongation question and the end.</summary>
    public async Task SchedulePartnershipAsync(Partnership partnership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subject = PartnershipSubject(partnership.Id);
        await ScheduleCheckinAsync(partnership.Id, partnership.MenteeId, now.AddMonths(Cadence.CheckInEveryMonths), cancellationToken);
        foreach (var partner in new[] { partnership.MenteeId, partnership.MentorId })
        {
            await scheduler.ScheduleAsync<StalePartnership>(subject, partner, now + Cadence.StaleAfter, $"{partnership.Id}:{partner}:{now.ToUnixTimeSeconds()}", cancellationToken: cancellationToken);
        }
        await ScheduleTermAsync(partnership, cancellationToken);
    }

    /// <summary>The prolongation question and the end, for the current end date (again after a prolongation).</summary>
    public async Task ScheduleTermAsync(Partnership partnership, CancellationToken cancellationToken)
    {
        var subject = PartnershipSubject(partnership.Id);
        var end = new DateTimeOffset(partnership.EndsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var partner in new[] { partnership.MenteeId, partnership.MentorId })
        {
            await scheduler.ScheduleAsync<ProlongationQuestion>(subject, partner, end - Cadence.ProlongationBeforeEnd, $"{partnership.Id}:{partner}:{partnership.EndsOn:yyyyMMdd}", cancellationToken: cancellationToken);
        }
        await scheduler.ScheduleAsync<PartnershipEnd>(subject, partnership.MenteeId, end, $"{partnership.Id}:{partnership.EndsOn:yyyyMMdd}", cancellationToken: cancellationToken);
    }

    public static ReminderSubject PlanItemSubject(long itemId) => new("plan-item", itemId);

    /// <summary>
    /// After <paramref name="changedBy"/> moved <paramref name="before"/> (the item as it was) on: the partner is told
    /// once, <see cref="RemindersOptions.PlanChangeNoticeAfter"/> after the last of a burst of changes. A notice still
    /// pending is postponed and keeps the status the partner last knew; the changer's own pending notice about the item
    /// is called off, since they have just seen it as it is.
    /// </summary>
    public async Task NoticePlanItemChangeAsync(Partnership partnership, PlanItem before, long changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subject = PlanItemSubject(before.Id);
        var partner = partnership.OtherSide(changedBy);
        var dueAt = now + Cadence.PlanChangeNoticeAfter;
        await scheduler.CancelAsync<PlanItemChangeNotice>(subject, changedBy, cancellationToken);
        if (!await scheduler.PostponePendingAsync<PlanItemChangeNotice>(subject, partner, dueAt, cancellationToken))
        {
            await scheduler.ScheduleAsync<PlanItemChangeNotice>(subject, partner, dueAt, $"{before.Id}:{partner}:{now.ToUnixTimeMilliseconds()}",
                new PlanItemChangePayload(partnership.Id, before.Id, before.Status.ToString()), cancellationToken);
        }
    }

    public Task ScheduleCheckinAsync(long partnershipId, long menteeId, DateTimeOffset dueAt, CancellationToken cancellationToken) =>
        scheduler.ScheduleAsync<CheckinPrompt>(PartnershipSubject(partnershipId), menteeId, dueAt, $"{partnershipId}:{dueAt:yyyyMMdd}", cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<TimeSpan>> ScheduleAsync(Partnership partnership, long meetingId, DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        var subject = new ReminderSubject("meeting", meetingId);
        var now = clock.GetUtcNow();
        // A reminder whose moment has already passed would go out at once, a day-before one for a meeting in three hours.
        var planned = new[] { Cadence.MeetingFirstReminderBefore, Cadence.MeetingLastReminderBefore }
            .Where(before => startsAt - before > now).Distinct().OrderDescending().ToList();
        foreach (var partner in new[] { partnership.MenteeId, partnership.MentorId })
        {
            foreach (var before in planned)
            {
                await scheduler.ScheduleAsync<MeetingSoon>(subject, partner, startsAt - before, $"{meetingId}:{partner}:{(int)before.TotalMinutes}",
                    new MeetingSoonPayload(meetingId, before <= TimeSpan.FromHours(1)), cancellationToken);
            }
        }
        return planned;
    }
}

/// <summary>48 hours without an answer: the flagship is nudged, with the answer buttons at hand.</summary>
public sealed class RequestNudge(MentorRequestRepository requests, PeopleRepository people) : IReminderKind
{
    public static string Kind => "request.nudge";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (request is not { Status: RequestStatus.Pending } || await people.FindAsync(request.MenteeId, cancellationToken) is not { } mentee)
        {
            return ReminderDelivery.Cancel;
        }
        var deadline = MentorshipTexts.DateTime(TimeZoneInfo.ConvertTime(request.ExpiresAt, context.RecipientTimeZone));
        context.Send(MentorshipReminderTexts.RequestWaiting(mentee.FullName, deadline), MentorshipFlow.AnswerKeyboard(request.Id));
        return ReminderDelivery.Sent;
    }
}

/// <summary>72 hours without an answer: the request expires and the young director is offered the next candidates.</summary>
public sealed class RequestExpiry(MentorRequestRepository requests, MentorshipFlow flow) : IReminderKind
{
    public static string Kind => "request.expiry";
    public static bool IsEssential => true;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (request is not { Status: RequestStatus.Pending })
        {
            return ReminderDelivery.Cancel;
        }
        if (request.ExpiresAt > context.Now)
        {
            return ReminderDelivery.Reschedule(request.ExpiresAt);
        }
        return await flow.ExpireAsync(request, context.Now, cancellationToken) ? ReminderDelivery.Sent : ReminderDelivery.Cancel;
    }
}

/// <summary>The words are chosen from the time left at delivery; <paramref name="WithinHour"/> tells the two reminders apart in stored rows.</summary>
public sealed record MeetingSoonPayload(long MeetingId, bool WithinHour);

/// <summary>A meeting tomorrow, and one within the hour.</summary>
public sealed class MeetingSoon(PartnershipRepository partnerships, PeopleRepository people) : IReminderKind
{
    public static string Kind => "meeting.soon";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<MeetingSoonPayload>();
        var meeting = await partnerships.FindMeetingAsync(payload.MeetingId, cancellationToken);
        var partnership = meeting is null ? null : await partnerships.FindAsync(meeting.PartnershipId, cancellationToken);
        if (meeting is null || partnership is not { Status: PartnershipStatus.Active } || meeting.StartsAt <= context.Now)
        {
            return ReminderDelivery.Cancel;
        }
        var partner = await people.FindAsync(partnership.OtherSide(context.Reminder.RecipientId), cancellationToken);
        var localStart = TimeZoneInfo.ConvertTime(meeting.StartsAt, context.RecipientTimeZone);
        var localDaysAhead = DateOnly.FromDateTime(localStart.DateTime).DayNumber
            - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, context.RecipientTimeZone).DateTime).DayNumber;
        context.Send(MentorshipReminderTexts.MeetingSoon(partner?.FullName ?? "", MentorshipTexts.DateTime(localStart),
            PartnershipTexts.FormatLabel(meeting.Format), meeting.StartsAt - context.Now, localDaysAhead));
        return ReminderDelivery.Sent;
    }
}

/// <param name="From">The item's status when the burst of changes began: what the recipient last knew.</param>
public sealed record PlanItemChangePayload(long PartnershipId, long ItemId, string From);

/// <summary>
/// The one notice of a burst of plan-item status changes: the status the item ended at, or nothing when it ended where
/// it began. Essential: it reports a partner's action, not a reminder the person may pause.
/// </summary>
public sealed class PlanItemChangeNotice(PartnershipRepository partnerships, PeopleRepository people) : IReminderKind
{
    public static string Kind => "plan-item.changed";
    public static bool IsEssential => true;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<PlanItemChangePayload>();
        var partnership = await partnerships.FindAsync(payload.PartnershipId, cancellationToken);
        var item = partnership is { Status: PartnershipStatus.Active }
            ? (await partnerships.PlanAsync(partnership.Id, cancellationToken)).FirstOrDefault(i => i.Id == payload.ItemId)
            : null;
        if (partnership is null || item is null || !Enum.TryParse<PlanItemStatus>(payload.From, out var from) || item.Status == from)
        {
            return ReminderDelivery.Cancel;
        }
        var partner = await people.FindAsync(partnership.OtherSide(context.Reminder.RecipientId), cancellationToken);
        context.Send(PartnershipTexts.PartnerChangedPlanItem(partner?.FullName ?? "", item.Title, from, item.Status));
        return ReminderDelivery.Sent;
    }
}

public sealed record CheckinFollowUpPayload(DateTimeOffset PromptedAt);

/// <summary>The monthly check-in prompt; it plans one follow-up and the next month's prompt.</summary>
public sealed class CheckinPrompt(PartnershipRepository partnerships, ReminderScheduler scheduler, MentorshipReminders reminders, IOptions<RemindersOptions> options) : IReminderKind
{
    public static string Kind => "checkin.prompt";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (partnership is not { Status: PartnershipStatus.Active })
        {
            return ReminderDelivery.Cancel;
        }
        context.Send(MentorshipReminderTexts.CheckinPrompt, CheckinKeyboard(partnership.Id));
        await scheduler.ScheduleAsync<CheckinFollowUp>(context.Reminder.Subject, partnership.MenteeId, context.Now + options.Value.CheckInFollowUpAfter,
            $"{partnership.Id}:{context.Now:yyyyMMdd}", new CheckinFollowUpPayload(context.Now), cancellationToken);
        // The next prompt counts from now, so downtime never makes several prompts pile up.
        await reminders.ScheduleCheckinAsync(partnership.Id, partnership.MenteeId, context.Now.AddMonths(options.Value.CheckInEveryMonths), cancellationToken);
        return ReminderDelivery.Sent;
    }

    public static InlineKeyboardMarkup CheckinKeyboard(long partnershipId) =>
        new([[InlineKeyboardButton.WithCallbackData(MentorshipTexts.CheckinButton, CallbackData.Build(PartnershipCallback.Prefix, "chk", partnershipId))]]);
}

/// <summary>One follow-up, only if no check-in came after the prompt.</summary>
public sealed class CheckinFollowUp(PartnershipRepository partnerships) : IReminderKind
{
    public static string Kind => "checkin.followup";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        var promptedAt = context.Payload<CheckinFollowUpPayload>().PromptedAt;
        if (partnership is not { Status: PartnershipStatus.Active }
            || (await partnerships.CheckinsAsync(partnership.Id, cancellationToken)).Any(c => c.CreatedAt >= promptedAt))
        {
            return ReminderDelivery.Cancel;
        }
        context.Send(MentorshipReminderTexts.CheckinFollowUp, CheckinPrompt.CheckinKeyboard(partnership.Id));
        return ReminderDelivery.Sent;
    }
}

/// <summary>No meeting, plan change or check-in for a long while: a gentle nudge; otherwise it looks again later.</summary>
public sealed class StalePartnership(PartnershipRepository partnerships, PeopleRepository people, IOptions<RemindersOptions> options) : IReminderKind
{
    public static string Kind => "partnership.stale";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (partnership is not { Status: PartnershipStatus.Active })
        {
            return ReminderDelivery.Cancel;
        }
        var staleAt = partnership.LastActivityAt + options.Value.StaleAfter;
        if (staleAt > context.Now)
        {
            return ReminderDelivery.Reschedule(staleAt);
        }
        var partner = await people.FindAsync(partnership.OtherSide(context.Reminder.RecipientId), cancellationToken);
        context.Send(MentorshipReminderTexts.Stale(partner?.FullName ?? ""));
        return ReminderDelivery.Reschedule(context.Now + options.Value.StaleAfter);
    }
}

/// <summary>A month before the end: prolong for another year, or close at the end.</summary>
public sealed class ProlongationQuestion(PartnershipRepository partnerships) : IReminderKind
{
    public static string Kind => "partnership.prolong";
    public static bool IsEssential => true;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (partnership is not { Status: PartnershipStatus.Active })
        {
            return ReminderDelivery.Cancel;
        }
        var voted = context.Reminder.RecipientId == partnership.MenteeId ? partnership.MenteeProlongs : partnership.MentorProlongs;
        if (voted is not null)
        {
            return ReminderDelivery.Cancel;
        }
        context.Send(PartnershipTexts.ProlongationQuestion(MentorshipTexts.Date(partnership.EndsOn)), PartnershipCard.ProlongationKeyboard(partnership));
        return ReminderDelivery.Sent;
    }
}

/// <summary>The end date: the partnership completes, unless it was prolonged, in which case this waits for the new end.</summary>
public sealed class PartnershipEnd(PartnershipRepository partnerships, PartnershipLifecycle lifecycle) : IReminderKind
{
    public static string Kind => "partnership.end";
    public static bool IsEssential => true;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (partnership is not { Status: PartnershipStatus.Active })
        {
            return ReminderDelivery.Cancel;
        }
        return await lifecycle.CompleteIfDueAsync(partnership, context.Now, cancellationToken)
            ? ReminderDelivery.Sent
            : ReminderDelivery.Cancel;
    }
}
