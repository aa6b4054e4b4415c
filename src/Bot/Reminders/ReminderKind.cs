using System.Text.Json;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Reminders;

/// <summary>What a reminder is about, e.g. <c>("request", 17)</c> or <c>("partnership", 3)</c>; cancelling goes by it.</summary>
public readonly record struct ReminderSubject(string Type, long Id)
{
    public override string ToString() => $"{Type}:{Id}";
}

/// <summary>A due reminder, as the sweeper hands it to its kind.</summary>
public sealed record Reminder(long Id, string Kind, ReminderSubject Subject, long RecipientId, DateTimeOffset DueAt, string? Payload, int Attempts);

/// <summary>
/// One kind of reminder: a meeting tomorrow, a request waiting for an answer, the coordinators' digest. A feature
/// implements it and registers it with <see cref="ReminderKindServiceCollectionExtensions.AddReminderKind{TKind}"/>.
/// </summary>
public interface IReminderKind
{
    /// <summary>Stable; stored in every row of this kind, e.g. <c>request.nudge</c>.</summary>
    static abstract string Kind { get; }

    /// <summary>Essential reminders reach people who paused reminders (an expiry that moves a request on, say).</summary>
    static abstract bool IsEssential { get; }

    /// <summary>
    /// Checks that the subject still needs the reminder, writes the messages with <see cref="ReminderContext.Send"/>, and
    /// says what became of it. Runs inside the transaction that records the outcome, so its messages and changes are
    /// committed together with it, exactly once. A recurring kind schedules its next occurrence here, from
    /// <see cref="ReminderContext.Now"/>.
    /// </summary>
    Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken);
}

public enum ReminderOutcome
{
    Sent,
    /// <summary>The thing it reminds of was done or is gone; nothing is sent.</summary>
    Cancelled,
    Rescheduled,
}

public sealed record ReminderDelivery(ReminderOutcome Outcome, DateTimeOffset? RescheduledTo = null)
{
    public static ReminderDelivery Sent { get; } = new(ReminderOutcome.Sent);
    public static ReminderDelivery Cancel { get; } = new(ReminderOutcome.Cancelled);

    /// <summary>Not yet: the same reminder falls due again at <paramref name="dueAt"/>.</summary>
    public static ReminderDelivery Reschedule(DateTimeOffset dueAt) => new(ReminderOutcome.Rescheduled, dueAt);
}

/// <summary>A reminder being delivered: when, to whom, and how to write to them.</summary>
public sealed class ReminderContext(Reminder reminder, DateTimeOffset now, TimeZoneInfo recipientTimeZone, bool isLate, bool isMuted, OutboxWriter outbox)
{
    public Reminder Reminder { get; } = reminder;
    public DateTimeOffset Now { get; } = now;
    /// <summary>The recipient's district's zone, for showing times as they read them.</summary>
    public TimeZoneInfo RecipientTimeZone { get; } = recipientTimeZone;
    /// <summary>Delivered well after its time, because the bot was down; <see cref="Send"/> says so.</summary>
    public bool IsLate { get; } = isLate;
    /// <summary>The recipient paused reminders and this kind is not essential: <see cref="Send"/> writes nothing.</summary>
    public bool IsMuted { get; } = isMuted;

    /// <summary>Writes to the recipient, saying first that it is late when it is.</summary>
    public void Send(HtmlText text, InlineKeyboardMarkup? keyboard = null)
    {
        if (IsMuted)
        {
            return;
        }
        outbox.Send(Reminder.RecipientId, IsLate ? ReminderTexts.Late(text) : text, keyboard);
    }

    /// <summary>Sends a file to the recipient (nothing when muted); a text sent with <see cref="Send"/> first says when it is late.</summary>
    public void SendDocument(string fileName, byte[] content, HtmlText caption)
    {
        if (!IsMuted)
        {
            outbox.SendDocument(Reminder.RecipientId, fileName, content, caption);
        }
    }

    /// <summary>Sends a picture to the recipient (nothing when muted).</summary>
    public void SendPhoto(string fileName, byte[] png, HtmlText caption)
    {
        if (!IsMuted)
        {
            outbox.SendPhoto(Reminder.RecipientId, fileName, png, caption);
        }
    }

    /// <summary>The data the feature stored with the reminder when it scheduled it.</summary>
    public T Payload<T>() =>
        JsonSerializer.Deserialize<T>(Reminder.Payload ?? throw new InvalidOperationException($"Reminder {Reminder.Id} has no payload."))
        ?? throw new InvalidOperationException($"Reminder {Reminder.Id} has an empty payload.");
}

public sealed record ReminderKindRegistration(string Kind, bool IsEssential, Type HandlerType);

public static class ReminderKindServiceCollectionExtensions
{
    public static IServiceCollection AddReminderKind<TKind>(this IServiceCollection services) where TKind : class, IReminderKind
    {
        services.AddScoped<TKind>();
        return services.AddSingleton(new ReminderKindRegistration(TKind.Kind, TKind.IsEssential, typeof(TKind)));
    }
}

/// <summary>The registered kinds by name.</summary>
public sealed class ReminderKinds
{
    private readonly Dictionary<string, ReminderKindRegistration> _byKind = new(StringComparer.Ordinal);

    public ReminderKinds(IEnumerable<ReminderKindRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            if (!_byKind.TryAdd(registration.Kind, registration))
            {
                throw new InvalidOperationException($"Reminder kind '{registration.Kind}' is registered twice.");
            }
        }
    }

    public ReminderKindRegistration? Find(string kind) => _byKind.GetValueOrDefault(kind);
}

/// <summary>How a claimed reminder ends.</summary>
public enum FinalReminderState
{
    Sent,
    /// <summary>Delivered while the recipient had paused reminders: nothing was written.</summary>
    Skipped,
    Cancelled,
    /// <summary>Its kind is unknown, or kept failing.</summary>
    Failed,
}
