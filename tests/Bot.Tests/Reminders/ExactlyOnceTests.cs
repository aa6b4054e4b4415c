using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Reminders;

public sealed class ExactlyOnceTests
{
    private const long Director = 7001;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_restart_between_claim_and_send_leaves_one_reminder_not_zero_and_not_two()
    {
        await using var bot = await ReminderBot.StartAsync();
        await bot.ScheduleAsync<TestNudge>(Director, bot.Clock.GetUtcNow());
        var claimed = await bot.Services.GetRequiredService<ReminderSweeper>().ClaimAsync("died-mid-sweep");
        Assert.Single(claimed);

        // The process dies holding the claim: nothing was delivered, and the new process sees a leased row.
        await bot.RestartAsync();
        Assert.Equal(0, (await bot.SweepAsync()).Total);
        Assert.Equal("claimed", Assert.Single(await bot.RemindersAsync()).State);

        bot.Clock.Advance(Lease);
        Assert.Equal(1, (await bot.SweepAsync()).Sent);
        await bot.RestartAsync();
        bot.Clock.Advance(Lease);
        await bot.SweepAsync();

        Assert.Equal(["Напоминание: без темы"], bot.TextsIn(Director));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE chat_id = @Director", new { Director }));
        Assert.Equal("sent", Assert.Single(await bot.RemindersAsync()).State);
    }

    [Fact]
    public async Task A_sweep_whose_lease_ran_out_cannot_record_the_reminder_a_second_time()
    {
        await using var bot = await ReminderBot.StartAsync();
        await bot.ScheduleAsync<TestNudge>(Director, bot.Clock.GetUtcNow());
        var slow = Assert.Single(await bot.Services.GetRequiredService<ReminderSweeper>().ClaimAsync("slow-sweep"));

        bot.Clock.Advance(Lease);
        Assert.Equal(1, (await bot.SweepAsync()).Sent);

        var recorded = true;
        await bot.InScopeAsync(async services => recorded = await services.GetRequiredService<ReminderRepository>()
            .FinishAsync(slow.Id, "slow-sweep", FinalReminderState.Sent, bot.Clock.GetUtcNow()));
        Assert.False(recorded);
        Assert.Single(bot.TextsIn(Director));
    }

    [Fact]
    public async Task A_reminder_cancelled_while_a_sweep_holds_it_is_not_sent()
    {
        await using var bot = await ReminderBot.StartAsync();
        await bot.ScheduleAsync<TestNudge>(Director, bot.Clock.GetUtcNow(), subjectId: 9);
        var held = Assert.Single(await bot.Services.GetRequiredService<ReminderSweeper>().ClaimAsync("holding"));

        await bot.InScopeAsync(services => services.GetRequiredService<ReminderScheduler>().CancelForSubjectAsync(new ReminderSubject("test", 9)));
        bot.Clock.Advance(Lease);
        await bot.SweepAsync();

        Assert.Equal(9, held.Subject.Id);
        Assert.Empty(bot.Telegram.Messages);
        Assert.Equal("cancelled", Assert.Single(await bot.RemindersAsync()).State);
    }

    [Fact]
    public async Task A_sweep_stopped_by_shutdown_hands_back_what_it_did_not_reach()
    {
        using var shutdown = new CancellationTokenSource();
        await using var bot = await ReminderBot.StartAsync(services => services.AddSingleton(shutdown).AddReminderKind<ShutdownDuringDelivery>());
        await bot.ScheduleAsync<ShutdownDuringDelivery>(Director, bot.Clock.GetUtcNow().AddSeconds(-1));
        await bot.ScheduleAsync<TestNudge>(Director, bot.Clock.GetUtcNow());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bot.Services.GetRequiredService<ReminderSweeper>().SweepAsync(shutdown.Token));
        Assert.Equal(["sent", "pending"], (await bot.RemindersAsync()).Select(r => r.State));

        await bot.SweepAsync();
        Assert.Equal(["Остановка.", "Напоминание: без темы"], bot.TextsIn(Director));
    }

    [Fact]
    public async Task Ten_days_of_downtime_give_one_late_reminder_and_the_next_is_planned_from_now()
    {
        await using var bot = await ReminderBot.StartAsync();
        await DirectorBuilder.Young(Director).SaveAsync(bot);
        var due = bot.Clock.GetUtcNow().AddHours(1);
        await bot.ScheduleAsync<TestDaily>(Director, due);

        // Down for ten days: no sweep ran while the daily reminder fell due ten times over.
        bot.Clock.Advance(TimeSpan.FromDays(10));
        await bot.RestartAsync();
        var restartedAt = bot.Clock.GetUtcNow();
        await bot.SweepAsync();
        await bot.SweepAsync();

        var text = Assert.Single(bot.TextsIn(Director));
        Assert.StartsWith("Напоминаем с опозданием", text);
        Assert.EndsWith("Отметьте прогресс за день.", text);
        var rows = await bot.RemindersAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("sent", due), (rows[0].State, rows[0].DueAt));
        Assert.Equal(("pending", restartedAt.AddDays(1)), (rows[1].State, rows[1].DueAt));

        bot.Clock.Advance(TimeSpan.FromDays(1));
        await bot.SweepAsync();
        Assert.Equal("Отметьте прогресс за день.", bot.TextsIn(Director)[^1]);
    }

    /// <summary>The host begins to stop while this one is being delivered: it still completes, the next one waits.</summary>
    private sealed class ShutdownDuringDelivery(CancellationTokenSource shutdown) : IReminderKind
    {
        public static string Kind => "test.shutdown";
        public static bool IsEssential => true;

        public Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
        {
            shutdown.Cancel();
            context.Send(Html.Raw("Остановка."));
            return Task.FromResult(ReminderDelivery.Sent);
        }
    }
}
