using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Reminders;

public sealed class ReminderDeliveryTests
{
    private const long Mentee = 5001;
    private const long Flagship = 5002;

    [Fact]
    public async Task A_due_reminder_is_sent_once_in_its_words_to_its_recipient_and_not_before()
    {
        await using var bot = await ReminderBot.StartAsync();
        await DirectorBuilder.Young(Mentee).SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).SaveAsync(bot);
        // 07:00 UTC is 10:00 in Dinskoy (Moscow time): inside the day.
        await bot.ScheduleAsync<TestNudge>(Flagship, bot.Clock.GetUtcNow().AddHours(2), payload: new NudgePayload("запрос ждёт ответа"));

        bot.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await bot.SweepAsync()).Total);
        bot.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await bot.SweepAsync()).Sent);
        await bot.SweepAsync();

        var seen = Assert.Single(bot.Telegram.Messages);
        Assert.Equal(Flagship, seen.ChatId);
        Assert.Equal("Напоминание: запрос ждёт ответа", seen.Text);
        Assert.Equal("sent", Assert.Single(await bot.RemindersAsync()).State);
    }

    [Fact]
    public async Task A_reminder_whose_subject_was_done_meanwhile_is_cancelled_not_sent()
    {
        await using var bot = await ReminderBot.StartAsync();
        await bot.ScheduleAsync<TestNudge>(Flagship, bot.Clock.GetUtcNow().AddHours(1), subjectId: 77);

        bot.Services.GetRequiredService<FinishedSubjects>().Finish(77);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        var result = await bot.SweepAsync();

        Assert.Equal(1, result.Cancelled);
        Assert.Empty(bot.Telegram.Messages);
        Assert.Equal("cancelled", Assert.Single(await bot.RemindersAsync()).State);
    }

    [Fact]
    public async Task A_feature_cancels_one_kind_or_every_reminder_of_a_subject()
    {
        await using var bot = await ReminderBot.StartAsync();
        var due = bot.Clock.GetUtcNow().AddHours(1);
        await bot.ScheduleAsync<TestNudge>(Flagship, due, subjectId: 1);
        await bot.ScheduleAsync<TestExpiry>(Mentee, due, subjectId: 1);
        await bot.ScheduleAsync<TestNudge>(Flagship, due, subjectId: 2);
        await bot.ScheduleAsync<TestExpiry>(Mentee, due, subjectId: 2);

        var cancelled = 0;
        await bot.InScopeAsync(async services =>
        {
            var scheduler = services.GetRequiredService<ReminderScheduler>();
            cancelled += await scheduler.CancelAsync<TestNudge>(new ReminderSubject("test", 1));
            cancelled += await scheduler.CancelForSubjectAsync(new ReminderSubject("test", 2));
        });
        bot.Clock.Advance(TimeSpan.FromHours(1));
        await bot.SweepAsync();

        Assert.Equal(3, cancelled);
        Assert.Equal(["Срок ответа истёк."], bot.TextsIn(Mentee));
        Assert.Empty(bot.TextsIn(Flagship));
    }

    [Fact]
    public async Task Scheduling_the_same_reminder_twice_is_a_no_op_but_a_cancelled_one_can_be_planned_again()
    {
        await using var bot = await ReminderBot.StartAsync();
        var due = bot.Clock.GetUtcNow().AddHours(1);

        Assert.True(await bot.ScheduleAsync<TestNudge>(Flagship, due, key: "meeting-5"));
        Assert.False(await bot.ScheduleAsync<TestNudge>(Flagship, due.AddHours(3), key: "meeting-5"));
        Assert.Single(await bot.RemindersAsync());

        await bot.InScopeAsync(services => services.GetRequiredService<ReminderScheduler>().CancelAsync<TestNudge>(new ReminderSubject("test", 1)));
        Assert.True(await bot.ScheduleAsync<TestNudge>(Flagship, due.AddHours(3), key: "meeting-5"));

        var row = Assert.Single(await bot.RemindersAsync());
        Assert.Equal(("pending", due.AddHours(3)), (row.State, row.DueAt));
    }

    [Fact]
    public async Task Scheduling_joins_the_callers_transaction_and_is_undone_with_it()
    {
        await using var bot = await ReminderBot.StartAsync();

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await db.BeginAsync();
            await scope.ServiceProvider.GetRequiredService<ReminderScheduler>()
                .ScheduleAsync<TestNudge>(new ReminderSubject("test", 1), Flagship, bot.Clock.GetUtcNow(), "rolled-back");
            await db.RollbackAsync();
        }

        Assert.Empty(await bot.RemindersAsync());
    }

    [Fact]
    public async Task A_kind_that_fails_commits_nothing_is_retried_after_its_lease_and_given_up_after_the_last_attempt()
    {
        await using var bot = await ReminderBot.StartAsync();
        await bot.ScheduleAsync<TestBroken>(Mentee, bot.Clock.GetUtcNow());

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(1, (await bot.SweepAsync()).Failed);
            Assert.Equal(0, (await bot.SweepAsync()).Total);
            bot.Clock.Advance(TimeSpan.FromMinutes(2));
        }
        await bot.SweepAsync();

        Assert.Empty(bot.Telegram.Messages);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
        Assert.Equal("failed", Assert.Single(await bot.RemindersAsync()).State);
    }

    [Fact]
    public async Task A_kind_that_is_not_registered_cannot_be_scheduled()
    {
        await using var bot = await BotHarness.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.ScheduleAsync<TestNudge>(Flagship, bot.Clock.GetUtcNow()));
    }
}
