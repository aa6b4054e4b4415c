using MentorBot.Bot.Conversations;
using MentorBot.Bot.Tests.Privacy;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.Logging;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Conversations;

/// <summary>A bad answer to a step asks the same step again, keeps what was entered before it, and is never an error.</summary>
public sealed class BadAnswerTests
{
    [Theory]
    [InlineData("15.12.2030")]
    [InlineData("31.12.9999")]
    public async Task A_plan_deadline_after_the_agreement_asks_for_the_date_again_and_keeps_the_title_and_owner(string tooLate)
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await bot.SendTextAsync(Young, "/partnership");
        await bot.PressAsync(Young, "+ Пункт плана");
        await bot.SendTextAsync(Young, "Консультация по локальным актам");
        await bot.PressAsync(Young, "Партнёр");

        await bot.SendTextAsync(Young, tooLate);

        Assert.Matches("(Дата позже окончания соглашения|Дата не распознана)[^\n]*\n\nСрок — дата", bot.LastText(Young));
        Assert.Equal("plan.due", await bot.ScalarAsync<string>("SELECT state FROM conversations WHERE user_id = @Young", new { Young }));
        await bot.SendTextAsync(Young, "15.12.2026");
        Assert.Contains("Пункт плана добавлен", bot.LastText(Young));
        Assert.Equal(("Консультация по локальным актам", "Mentor"), (await bot.QueryAsync<(string, string)>("SELECT title, owner FROM plan_items")).Single());
    }

    [Fact]
    public async Task A_meeting_after_the_agreement_or_in_the_past_is_asked_again_and_fifteen_thirty_with_a_dot_is_a_time()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await bot.SendTextAsync(BestFlagship, "/partnership");
        await bot.PressAsync(BestFlagship, "Назначить встречу");

        await bot.SendTextAsync(BestFlagship, "31.12.2099");
        Assert.StartsWith("Дата позже окончания соглашения", bot.LastText(BestFlagship));
        await bot.SendTextAsync(BestFlagship, "31.12.9999");
        Assert.StartsWith("Дата не распознана", bot.LastText(BestFlagship));
        // The harness's clock is 23.11.2026 10:00 in Moscow: 09:00 that day is gone.
        await bot.SendTextAsync(BestFlagship, "23.11.2026");
        await bot.SendTextAsync(BestFlagship, "09:00");
        Assert.StartsWith("Это время уже прошло", bot.LastText(BestFlagship));
        await bot.SendTextAsync(BestFlagship, "15.30");
        await bot.PressAsync(BestFlagship, "онлайн");
        await bot.PressAsync(BestFlagship, "Пропустить");

        Assert.Equal("Встреча назначена: 23.11.2026 15:30, онлайн. Я напомню за час.", bot.LastText(BestFlagship));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM meetings"));
    }

    [Theory]
    [InlineData("01.01.0001 00:00")]
    [InlineData("31.12.9999 23:59")]
    [InlineData("00.00.0000 00:00")]
    public async Task An_absurd_date_in_announce_is_asked_again_without_an_error(string absurd)
    {
        var capture = new LogCapture();
        await using var bot = await BotHarness.StartAsync(services: capture.AddTo);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await bot.SendTextAsync(Coordinator, "/announce");
        await bot.PressAsync(Coordinator, "Форум");
        await bot.SendTextAsync(Coordinator, "Форум директоров");

        await bot.SendTextAsync(Coordinator, absurd);

        Assert.StartsWith("Не получилось прочитать дату и время", bot.LastText(Coordinator));
        Assert.Equal("announce.when", await bot.ScalarAsync<string>("SELECT state FROM conversations WHERE user_id = @Coordinator", new { Coordinator }));
        await bot.SendTextAsync(Coordinator, "15.12.2026, 10.00");
        Assert.StartsWith("Где пройдёт", bot.LastText(Coordinator));
        Assert.DoesNotContain(capture.Lines, l => l.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("15.12.2026", 2026, 12, 15)]
    [InlineData("5.1.2027", 2027, 1, 5)]
    [InlineData("05/01/2027", 2027, 1, 5)]
    [InlineData("05-01-27", 2027, 1, 5)]
    [InlineData(" 29.02.2028 ", 2028, 2, 29)]
    public void Dates_are_read_as_people_type_them(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateTimeInput.ParseDate(text));

    [Theory]
    [InlineData("01.01.0001")]
    [InlineData("31.12.9999")]
    [InlineData("29.02.2027")]
    [InlineData("32.13.2026")]
    [InlineData("15.12.２０２６")]
    [InlineData("завтра")]
    [InlineData("")]
    public void Impossible_or_absurd_dates_are_not_read(string text) => Assert.Null(DateTimeInput.ParseDate(text));

    [Theory]
    [InlineData("15:30", 15, 30)]
    [InlineData("15.30", 15, 30)]
    [InlineData("9:05", 9, 5)]
    [InlineData("9-05", 9, 5)]
    [InlineData("15 30", 15, 30)]
    [InlineData("00:00", 0, 0)]
    public void Times_are_read_as_people_type_them(string text, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), DateTimeInput.ParseTime(text));

    [Theory]
    [InlineData("24:00")]
    [InlineData("15:60")]
    [InlineData("1530")]
    [InlineData("пол третьего")]
    public void Impossible_times_are_not_read(string text) => Assert.Null(DateTimeInput.ParseTime(text));
}
