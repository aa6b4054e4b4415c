using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Features.Coordination;
using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Reports;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace MentorBot.Bot.Tests.Features.Reporting;

public sealed class MonthlyReportTests
{
    private const long Coordinator = 990;
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Vladivostok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Vladivostok");
    // FakeTimeProvider starts on Monday 23 November 2026; 1 December is a Tuesday, so November's report is due then at 09:00 Moscow time.
    private static readonly DateTimeOffset DecemberFirstNineMoscow = DateTimeOffset.Parse("2026-12-01T06:00:00Z");

    private static async Task<BotHarness> WithOnePairAsync()
    {
        var bot = await DistrictMatchingTests.SeedDinskoyAsync();
        await bot.PressDataAsync(109, "req:new:1");
        await bot.PressAsync(1, "Принять");
        return bot;
    }

    private static async Task<int> PlanAsync(BotHarness bot)
    {
        var planned = 0;
        await bot.InScopeAsync(async services => planned = await services.GetRequiredService<MonthlyReportPlanner>().PlanAllAsync());
        return planned;
    }

    [Theory]
    [InlineData(2026, 11, "2026-11-02")] // the 1st is a Sunday
    [InlineData(2026, 12, "2026-12-01")]
    [InlineData(2027, 1, "2027-01-11")] // the New Year holidays to the 8th, then a weekend
    [InlineData(2026, 5, "2026-05-04")] // Labour Day on Friday, then a weekend
    [InlineData(2027, 6, "2027-06-01")]
    public void The_first_working_day_skips_weekends_and_public_holidays(int year, int month, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), new ReportMonth(year, month).FirstWorkingDay());

    [Fact]
    public void The_next_report_is_due_at_nine_local_time_on_the_first_working_day()
    {
        var now = DateTimeOffset.Parse("2026-11-23T07:00:00Z");

        Assert.Equal(DecemberFirstNineMoscow, MonthlyReportPlanner.NextDue(now, Moscow));
        // 09:00 in Vladivostok on 1 December is 23:00 UTC on 30 November.
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T23:00:00Z"), MonthlyReportPlanner.NextDue(now, Vladivostok));
        // Once December's is due, the next is January's, after the holidays.
        Assert.Equal(DateTimeOffset.Parse("2027-01-11T06:00:00Z"), MonthlyReportPlanner.NextDue(DecemberFirstNineMoscow, Moscow));
    }

    [Fact]
    public async Task Each_coordinator_gets_the_report_once_a_month_with_the_workbook_and_the_coverage_chart()
    {
        await using var bot = await WithOnePairAsync();

        Assert.Equal(1, await PlanAsync(bot));
        Assert.Equal(0, await PlanAsync(bot));
        bot.Clock.SetUtcNow(DecemberFirstNineMoscow.AddMinutes(-1));
        await bot.SweepAsync();
        Assert.DoesNotContain(bot.Telegram.Documents, d => d.ChatId == Coordinator);

        bot.Clock.SetUtcNow(DecemberFirstNineMoscow);
        await bot.SweepAsync();
        await bot.SweepAsync();
        Assert.Equal(0, await PlanAsync(bot));

        var document = Assert.Single(bot.Telegram.Documents, d => d.ChatId == Coordinator);
        Assert.Equal("mentorbot-report-2026-11.xlsx", document.FileName);
        Assert.Contains("Отчёт за ноябрь 2026: Динской район", document.Caption);
        Assert.Contains(bot.TextsIn(Coordinator), t => t.Contains("Ежемесячный отчёт для управления образования за ноябрь 2026 готов", StringComparison.Ordinal));
        var chart = Assert.Single(bot.Telegram.Photos, p => p.ChatId == Coordinator);
        using (var image = SKBitmap.Decode(chart.Content))
        {
            Assert.Equal(1080, image.Width);
        }
        using var file = new XlsxReader(document.Content);
        Assert.Empty(file.ValidationErrors());
        Assert.Equal(["Пары", "Без наставника", "Дефициты", "Встречи", "События"], file.SheetNames);

        var next = Assert.Single(await bot.RemindersAsync(), r => r.Kind == MonthlyReportDelivery.Kind && r.State == "pending");
        Assert.Equal(DateTimeOffset.Parse("2027-01-11T06:00:00Z"), next.DueAt);
    }

    [Fact]
    public async Task Report_on_demand_covers_the_chosen_month_of_the_callers_districts()
    {
        await using var bot = await WithOnePairAsync();
        await bot.InScopeAsync(async services =>
        {
            var partnerships = services.GetRequiredService<PartnershipRepository>();
            var id = (await partnerships.ActiveOfMenteeAsync(109))!.Id;
            var now = bot.Clock.GetUtcNow();
            await partnerships.AddMeetingAsync(id, now.AddDays(2), MeetingFormat.SchoolVisit, "", 1, now);
            await partnerships.AddMeetingAsync(id, now.AddDays(20), MeetingFormat.Online, "", 1, now);
            await partnerships.AddCheckinAsync(id, new Dictionary<string, int> { ["legal"] = 4, ["parents"] = 2 }, "", now.AddDays(1));
        });
        // Early December: the meeting of 25 November has been held, the one of 13 December has not.
        bot.Clock.SetUtcNow(DateTimeOffset.Parse("2026-12-02T07:00:00Z"));

        await bot.SendTextAsync(Coordinator, "/report");
        Assert.Contains("За какой месяц", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "ноябрь 2026");

        using var file = new XlsxReader(Assert.Single(bot.Telegram.Documents, d => d.ChatId == Coordinator).Content);
        Assert.Empty(file.ValidationErrors());
        var pair = file.Row("Пары", 2);
        Assert.Equal(["1", "Динской район", "СОШ № 1", "Андреева Анна Андреевна", "СОШ № 9", "Егорова Елена Евгеньевна"], pair.Take(6));
        Assert.Equal(new DateTime(2026, 11, 23), DateTime.FromOADate(double.Parse(pair[6]!, CultureInfo.InvariantCulture)));
        Assert.Equal(["действует", "0", "0", "1"], pair.Skip(8).Take(4));
        Assert.Equal(CellValues.Number, file.Cell("Пары", "L2")!.DataType!.Value);

        // One meeting in November (the other is in December), at 10:00 Moscow time.
        Assert.Equal(2, file.RowCount("Встречи"));
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0), DateTime.FromOADate(double.Parse(file.Text("Встречи", "B2")!, CultureInfo.InvariantCulture)));
        Assert.Equal("визит в школу", file.Text("Встречи", "C2"));

        var unmatched = Enumerable.Range(2, file.RowCount("Без наставника") - 1).Select(r => file.Row("Без наставника", (uint)r)).ToList();
        Assert.Contains(unmatched, r => r[3] == "Жуков Женя Жоржевич" && r[4]!.Contains("лучший вариант", StringComparison.Ordinal));
        Assert.DoesNotContain(unmatched, r => r[3] == "Егорова Елена Евгеньевна");

        var deficits = Enumerable.Range(2, file.RowCount("Дефициты") - 1).Select(r => file.Row("Дефициты", (uint)r)).ToList();
        // Legal: needed by 109 (paired) and others; in one pair's goals, and rated 4 there: closed.
        var legal = deficits.Single(r => r[0] == "Правовые вопросы и локальные акты");
        Assert.Equal(["1", "1"], legal.Skip(5));
        Assert.Equal(["1", "0"], deficits.Single(r => r[0] == "Взаимодействие с семьями, конфликты с родителями").Skip(5));
        Assert.Single(bot.Telegram.Photos, p => p.ChatId == Coordinator);
    }

    [Fact]
    public async Task Report_is_for_coordinators_only_and_shows_only_their_districts()
    {
        await using var bot = await WithOnePairAsync();
        await CoordinatorSeed.AddAsync(bot, 991, "goryachy-klyuch");

        await bot.SendTextAsync(109, "/report 2026-11");
        Assert.Contains("недоступна", bot.LastText(109));
        await bot.PressDataAsync(109, "rpt:2026-11");
        Assert.Empty(bot.Telegram.Documents);

        await bot.SendTextAsync(991, "/report 2026-11");
        using var file = new XlsxReader(Assert.Single(bot.Telegram.Documents, d => d.ChatId == 991).Content);
        Assert.Equal(1, file.RowCount("Пары"));
        Assert.Equal(1, file.RowCount("Без наставника"));
        // Nobody there declared a deficit: no empty chart is sent.
        Assert.DoesNotContain(bot.Telegram.Photos, p => p.ChatId == 991);
    }

    [Fact]
    public async Task A_month_not_understood_or_not_begun_is_asked_again()
    {
        await using var bot = await WithOnePairAsync();

        await bot.SendTextAsync(Coordinator, "/report ноябрь");
        Assert.Contains("Месяц не распознан. Напишите его так: /report 2026-11", bot.LastText(Coordinator));
        await bot.SendTextAsync(Coordinator, "/report 2027-01");
        Assert.Contains("Этот месяц ещё не начался", bot.LastText(Coordinator));
        Assert.Empty(bot.Telegram.Documents);
    }

    [Fact]
    public async Task Help_lists_report_for_coordinators_only()
    {
        await using var bot = await WithOnePairAsync();

        await bot.SendTextAsync(Coordinator, "/help");
        Assert.Contains("/report — ежемесячный отчёт по районам", bot.LastText(Coordinator));
        await bot.SendTextAsync(109, "/help");
        Assert.DoesNotContain("/report", bot.LastText(109));
    }
}
