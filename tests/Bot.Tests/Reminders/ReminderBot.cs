using System.Collections.Concurrent;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Bot.Tests.Reminders;

/// <summary>
/// The bot with the test reminder kinds below and districts from Kaliningrad to Kamchatka. The harness runs no Quartz:
/// tests sweep by hand after moving the fake clock, instead of waiting for a trigger.
/// </summary>
public static class ReminderBot
{
    public const string Kaliningrad = "kaliningrad";
    public const string Vladivostok = "vladivostok";
    public const string Kamchatka = "kamchatka";

    public static Task<BotHarness> StartAsync(
        Action<IServiceCollection>? services = null, FakeTimeProvider? clock = null, DatabaseProvider? provider = null, TestDatabase? sharedDatabase = null) =>
        BotHarness.StartAsync(
            settings =>
            {
                // Indices 0 and 1 are the repository's own districts (Moscow time).
                AddDistrict(settings, 2, Kaliningrad, "Калининград", "Калининградская область", "Europe/Kaliningrad");
                AddDistrict(settings, 3, Vladivostok, "Владивосток", "Приморский край", "Asia/Vladivostok");
                AddDistrict(settings, 4, Kamchatka, "Петропавловск-Камчатский", "Камчатский край", "Asia/Kamchatka");
            },
            s =>
            {
                s.AddSingleton<FinishedSubjects>();
                s.AddReminderKind<TestNudge>();
                s.AddReminderKind<TestExpiry>();
                s.AddReminderKind<TestDaily>();
                s.AddReminderKind<TestBroken>();
                services?.Invoke(s);
            },
            clock: clock,
            provider: provider,
            sharedDatabase: sharedDatabase);

    private static void AddDistrict(IDictionary<string, string?> settings, int index, string code, string name, string region, string zone)
    {
        settings[$"Catalog:Districts:{index}:Code"] = code;
        settings[$"Catalog:Districts:{index}:Name"] = name;
        settings[$"Catalog:Districts:{index}:Region"] = region;
        settings[$"Catalog:Districts:{index}:TimeZone"] = zone;
    }

    /// <summary>Plans a reminder in a transaction of its own, as a feature's handler would; true when it was new.</summary>
    public static async Task<bool> ScheduleAsync<TKind>(
        this BotHarness bot, long recipientId, DateTimeOffset dueAt, long subjectId = 1, string? key = null, object? payload = null)
        where TKind : IReminderKind
    {
        var scheduled = false;
        await bot.InScopeAsync(async services => scheduled = await services.GetRequiredService<ReminderScheduler>()
            .ScheduleAsync<TKind>(new ReminderSubject("test", subjectId), recipientId, dueAt, key ?? $"{subjectId}:{recipientId}", payload));
        return scheduled;
    }

    /// <summary>One sweep, as the job would run it, then waits until its messages reached the fake Telegram.</summary>
    public static async Task<SweepResult> SweepAsync(this BotHarness bot)
    {
        var result = await bot.Services.GetRequiredService<ReminderSweeper>().SweepAsync();
        await bot.DeliveredAsync();
        return result;
    }

    public static Task<IReadOnlyList<ReminderRow>> RemindersAsync(this BotHarness bot) =>
        bot.QueryAsync<ReminderRow>(
            "SELECT id AS Id, kind AS Kind, recipient_id AS RecipientId, state AS State, due_at AS DueAt, deferred_until AS DeferredUntil FROM reminders ORDER BY id");

    /// <summary>What a test reads back of a reminder row.</summary>
    public sealed class ReminderRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public long RecipientId { get; init; }
        public string State { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
        public DateTimeOffset? DeferredUntil { get; init; }
    }
}

/// <summary>Subjects whose business is done (the request answered, the check-in submitted): their reminders are no longer relevant.</summary>
public sealed class FinishedSubjects
{
    private readonly ConcurrentDictionary<long, bool> _ids = new();

    public void Finish(long subjectId) => _ids[subjectId] = true;

    public bool IsFinished(long subjectId) => _ids.ContainsKey(subjectId);
}

public sealed record NudgePayload(string Topic);

/// <summary>A non-essential nudge, like "your request waits for an answer".</summary>
public sealed class TestNudge(FinishedSubjects finished) : IReminderKind
{
    public static string Kind => "test.nudge";
    public static bool IsEssential => false;

    public Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        if (finished.IsFinished(context.Reminder.Subject.Id))
        {
            return Task.FromResult(ReminderDelivery.Cancel);
        }
        var topic = context.Reminder.Payload is null ? "без темы" : context.Payload<NudgePayload>().Topic;
        context.Send(Html.Format($"Напоминание: {topic}"));
        return Task.FromResult(ReminderDelivery.Sent);
    }
}

/// <summary>An essential one, like a request's expiry: it reaches people who paused reminders.</summary>
public sealed class TestExpiry : IReminderKind
{
    public static string Kind => "test.expiry";
    public static bool IsEssential => true;

    public Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        context.Send(Html.Raw("Срок ответа истёк."));
        return Task.FromResult(ReminderDelivery.Sent);
    }
}

/// <summary>A recurring one: when delivered, it plans the next occurrence a day from now.</summary>
public sealed class TestDaily(ReminderScheduler scheduler) : IReminderKind
{
    public static string Kind => "test.daily";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        context.Send(Html.Raw("Отметьте прогресс за день."));
        var next = context.Now.AddDays(1);
        await scheduler.ScheduleAsync<TestDaily>(context.Reminder.Subject, context.Reminder.RecipientId, next,
            $"{context.Reminder.Subject.Id}:{LocalCalendar.LocalDate(next, context.RecipientTimeZone):yyyy-MM-dd}", cancellationToken: cancellationToken);
        return ReminderDelivery.Sent;
    }
}

/// <summary>A kind with a bug: it writes a message and plans another reminder, then throws, so nothing of it may be committed.</summary>
public sealed class TestBroken(ReminderScheduler scheduler) : IReminderKind
{
    public static string Kind => "test.broken";
    public static bool IsEssential => true;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        context.Send(Html.Raw("Этого никто не должен увидеть."));
        await scheduler.ScheduleAsync<TestExpiry>(context.Reminder.Subject, context.Reminder.RecipientId, context.Now,
            $"broken-{context.Reminder.Attempts}", cancellationToken: cancellationToken);
        throw new InvalidOperationException("A bug in a reminder kind.");
    }
}
