using System.Text.Json;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Reminders;

/// <summary>
/// What feature code calls to plan and call off reminders. It goes through the scope's <see cref="DbSession"/>, so a
/// reminder is planned or cancelled in the same transaction as the change that caused it, or not at all.
/// </summary>
public sealed class ReminderScheduler(ReminderRepository reminders, ReminderKinds kinds, TimeProvider clock)
{
    /// <summary>
    /// Plans a reminder of <typeparamref name="TKind"/> to <paramref name="recipientId"/> at <paramref name="dueAt"/>
    /// (a time in the past means at the next sweep). <paramref name="dedupKey"/> names it within its kind: scheduling
    /// the same key again is a no-op and returns false, unless the earlier one was cancelled. <paramref name="payload"/>
    /// is stored as JSON and read back with <see cref="ReminderContext.Payload{T}"/>.
    /// </summary>
    public Task<bool> ScheduleAsync<TKind>(
        ReminderSubject subject, long recipientId, DateTimeOffset dueAt, string dedupKey, object? payload = null, CancellationToken cancellationToken = default)
        where TKind : IReminderKind
    {
        if (kinds.Find(TKind.Kind) is null)
        {
            throw new InvalidOperationException($"Reminder kind '{TKind.Kind}' is not registered; call AddReminderKind<{typeof(TKind).Name}>().");
        }
        var json = payload is null ? null : JsonSerializer.Serialize(payload, payload.GetType());
        return reminders.ScheduleAsync(new NewReminder(TKind.Kind, subject, recipientId, dueAt, dedupKey, json), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Calls off the subject's reminders of <typeparamref name="TKind"/> that are not yet delivered, to everyone or to one recipient.</summary>
    public Task<int> CancelAsync<TKind>(ReminderSubject subject, long? recipientId = null, CancellationToken cancellationToken = default) where TKind : IReminderKind =>
        reminders.CancelAsync(subject, TKind.Kind, recipientId, cancellationToken);

    /// <summary>
    /// Moves the subject's pending reminder of <typeparamref name="TKind"/> to the recipient to <paramref name="dueAt"/>,
    /// keeping its data; false when none is pending (then the caller schedules one). Coalesces a burst of changes.
    /// </summary>
    public Task<bool> PostponePendingAsync<TKind>(ReminderSubject subject, long recipientId, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
        where TKind : IReminderKind =>
        reminders.PostponePendingAsync(subject, TKind.Kind, recipientId, dueAt, cancellationToken);

    /// <summary>Calls off every reminder of the subject not yet delivered, of whatever kind: the request was answered, the partnership closed.</summary>
    public Task<int> CancelForSubjectAsync(ReminderSubject subject, CancellationToken cancellationToken = default) =>
        reminders.CancelAsync(subject, null, cancellationToken: cancellationToken);
}
