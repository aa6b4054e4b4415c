using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>
/// «Буду» / «Не смогу» (rsvp:announcementId:y|n). Only someone the announcement was sent to may answer, and only
/// before the event; a second press replaces the answer. «Буду» plans the reminder the day before.
/// </summary>
public sealed class RsvpCallback(
    AnnouncementRepository announcements,
    RsvpRepository rsvps,
    ReminderScheduler reminders,
    IOptions<RemindersOptions> cadence) : ICallbackHandler
{
    public static string Prefix => "rsvp";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        RsvpAnswer? answer = data.Arg(1) switch
        {
            AnnouncementMessage.Yes => RsvpAnswer.Yes,
            AnnouncementMessage.No => RsvpAnswer.No,
            _ => null,
        };
        var announcement = data.LongArg(0) is { } id ? await announcements.FindAsync(id, cancellationToken) : null;
        if (answer is not { } chosen || announcement is null || !await announcements.WasSentToAsync(announcement.Id, context.UserId, cancellationToken))
        {
            context.AnswerCallback(AnnouncementTexts.NotYours, alert: true);
            return;
        }
        if (announcement.Status == AnnouncementStatus.Cancelled || announcement.StartsAt <= context.Now)
        {
            context.AnswerCallback(AnnouncementTexts.EventOver, alert: true);
            return;
        }
        if (!await rsvps.AnswerAsync(announcement.Id, context.UserId, chosen, context.Now, cancellationToken))
        {
            context.AnswerCallback(AnnouncementTexts.AlreadyRecorded);
            return;
        }
        var remindAt = announcement.StartsAt - cadence.Value.EventReminderBefore;
        if (chosen == RsvpAnswer.Yes && remindAt > context.Now)
        {
            // Planned once per person; a later «Не смогу» is seen when it falls due.
            await reminders.ScheduleAsync<EventTomorrow>(
                EventTomorrow.Subject(announcement.Id), context.UserId, remindAt, $"{announcement.Id}:{context.UserId}", cancellationToken: cancellationToken);
        }
        context.AnswerCallback(chosen == RsvpAnswer.Yes ? AnnouncementTexts.RecordedYes : AnnouncementTexts.RecordedNo);
        if (context.CallbackMessage is { } message)
        {
            context.Outbox.Add(new OutgoingMessage
            {
                Kind = OutgoingKind.EditMarkup, ChatId = context.ChatId, MessageId = message.MessageId, InlineKeyboard = AnnouncementMessage.RsvpKeyboard(announcement.Id, chosen),
                // The press is acknowledged at once with its text; the keyboard's mark may follow after others' replies.
                IsBulk = true,
            });
        }
    }
}

/// <summary>The day before the event, to those who answered «Буду» and still do.</summary>
public sealed class EventTomorrow(AnnouncementRepository announcements, RsvpRepository rsvps) : IReminderKind
{
    public static string Kind => "event.tomorrow";
    public static bool IsEssential => false;

    public static ReminderSubject Subject(long announcementId) => new("announcement", announcementId);

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var announcement = await announcements.FindAsync(context.Reminder.Subject.Id, cancellationToken);
        if (announcement is null || announcement.Status == AnnouncementStatus.Cancelled || announcement.StartsAt <= context.Now
            || await rsvps.AnswerOfAsync(announcement.Id, context.Reminder.RecipientId, cancellationToken) != RsvpAnswer.Yes)
        {
            return ReminderDelivery.Cancel;
        }
        context.Send(
            AnnouncementTexts.Tomorrow(announcement.Kind, announcement.Title, AnnouncementTexts.When(announcement.StartsAt, AnnouncementMessage.Zone(announcement.TimeZone)), announcement.Place),
            AnnouncementMessage.RsvpKeyboard(announcement.Id, RsvpAnswer.Yes));
        return ReminderDelivery.Sent;
    }
}
