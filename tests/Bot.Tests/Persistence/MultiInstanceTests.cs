using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Persistence;

/// <summary>Two bot instances on one PostgreSQL database, as behind a webhook proxy.</summary>
public sealed class MultiInstanceTests
{
    private const long Director = 7101;

    private static bool IsPrimary(BotHarness bot) => bot.Services.GetRequiredService<IPrimaryInstance>().IsPrimary;

    [PostgresFact]
    public async Task One_instance_is_primary_and_the_other_takes_over_when_it_stops()
    {
        var first = await ReminderBot.StartAsync(provider: DatabaseProvider.PostgreSql);
        await using var second = await ReminderBot.StartAsync(sharedDatabase: first.Database);
        try
        {
            Assert.True(IsPrimary(first));
            Assert.False(IsPrimary(second));

            second.Clock.Advance(PostgresPrimaryInstance.CheckInterval);
            await Task.Delay(200);
            Assert.False(IsPrimary(second));

            await first.StopAsync();
            // The server frees the lock when the old session's backend exits, a moment after the close: check again until then.
            await WaitUntilAsync(() => IsPrimary(second), () => second.Clock.Advance(PostgresPrimaryInstance.CheckInterval));
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task The_primary_sends_what_either_instance_wrote()
    {
        await using var primary = await ReminderBot.StartAsync(provider: DatabaseProvider.PostgreSql);
        await using var standby = await ReminderBot.StartAsync(sharedDatabase: primary.Database);

        await standby.SendTextAsync(Director, "/help");

        Assert.NotEmpty(primary.Telegram.In(Director));
        Assert.Empty(standby.Telegram.In(Director));
    }

    [PostgresFact]
    public async Task Two_instances_sweeping_at_once_send_each_reminder_once()
    {
        await using var first = await ReminderBot.StartAsync(provider: DatabaseProvider.PostgreSql);
        await using var second = await ReminderBot.StartAsync(sharedDatabase: first.Database, clock: first.Clock);
        for (var subject = 1; subject <= 40; subject++)
        {
            await first.ScheduleAsync<TestNudge>(Director + subject, first.Clock.GetUtcNow(), subjectId: subject);
        }

        // As during a hand-over, when the old primary's sweep is still running as the new one starts its own.
        var sweeps = await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<ReminderSweeper>().SweepAsync()),
            Task.Run(() => second.Services.GetRequiredService<ReminderSweeper>().SweepAsync()));
        await first.DeliveredAsync();

        Assert.Equal(40, sweeps.Sum(s => s.Sent));
        Assert.Equal(40L, await first.ScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
        Assert.All(await first.RemindersAsync(), r => Assert.Equal("sent", r.State));
        Assert.Equal(40, Enumerable.Range(1, 40).Count(subject => first.Telegram.In(Director + subject).Count == 1));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Action step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 s.");
            step();
            await Task.Delay(100);
        }
    }
}
