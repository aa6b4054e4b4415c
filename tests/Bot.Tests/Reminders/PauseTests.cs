using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Reminders;

public sealed class PauseTests
{
    private const long Director = 8001;

    [Fact]
    public async Task A_person_who_paused_reminders_gets_only_essential_ones_until_they_resume()
    {
        await using var bot = await ReminderBot.StartAsync();
        await DirectorBuilder.Young(Director).SaveAsync(bot);
        await bot.SendTextAsync(Director, "/reminders");
        Assert.Contains("включены", bot.LastText(Director));

        await bot.PressAsync(Director, "Поставить на паузу");
        Assert.Contains("на паузе", bot.LastText(Director));
        var before = bot.Telegram.Messages.Count;
        await bot.ScheduleAsync<TestNudge>(Director, bot.Clock.GetUtcNow(), subjectId: 1);
        await bot.ScheduleAsync<TestExpiry>(Director, bot.Clock.GetUtcNow(), subjectId: 1);
        await bot.ScheduleAsync<TestDaily>(Director, bot.Clock.GetUtcNow(), subjectId: 1);
        var result = await bot.SweepAsync();

        Assert.Equal((1, 2), (result.Sent, result.Skipped));
        Assert.Equal(["Срок ответа истёк."], bot.Telegram.Messages.Skip(before).Select(m => m.Text));
        var rows = await bot.RemindersAsync();
        Assert.Equal(["skipped", "sent", "skipped", "pending"], rows.Select(r => r.State));

        // The daily one kept its rhythm while muted, so it speaks again once reminders are back on.
        await bot.PressAsync(Director, "Включить снова");
        Assert.Contains("включены", bot.LastText(Director));
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await bot.SweepAsync();
        Assert.Equal("Отметьте прогресс за день.", bot.LastText(Director));
    }
}
