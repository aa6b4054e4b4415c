using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Reporting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Tests.Features.Reporting;

public sealed class ReportChartsTests
{
    private static readonly Taxonomy Taxonomy = new(Options.Create(new CatalogOptions
    {
        Taxonomy =
        [
            new TaxonomyEntry { Code = "legal", Label = "Правовые вопросы и локальные акты", Short = "правовые вопросы" },
            new TaxonomyEntry { Code = "staff", Label = "Кадры", Short = "кадры" },
            new TaxonomyEntry { Code = "digital", Label = "Цифровая образовательная среда", Short = "цифровая среда" },
        ],
    }));

    [Fact]
    public void Coverage_shows_each_needed_deficit_with_those_needing_it_and_those_free_places_could_take()
    {
        var chart = ReportCharts.Coverage(
            [new CoverageReport("legal", 3, 1, FreePlaces: 2), new CoverageReport("staff", 0, 2, FreePlaces: 4), new CoverageReport("digital", 2, 3, FreePlaces: 5)],
            Taxonomy);

        Assert.Equal(["правовые вопросы", "цифровая среда"], chart.Categories);
        Assert.Equal("Нуждаются", chart.Series[0].Name);
        Assert.Equal([3.0, 2.0], chart.Series[0].Values);
        // Two free places for three who need legal help cover two; five places for two cover both.
        Assert.Equal([2.0, 2.0], chart.Series[1].Values);
    }

    [Fact]
    public void Deficit_trend_has_a_point_per_check_in_dated_locally_and_a_gap_where_a_goal_was_not_rated()
    {
        var partnership = new Partnership(1, 10, 20, 1, PartnershipStatus.Active, ["legal", "staff", "digital"],
            new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        // 22:30 UTC is already the next day in Moscow.
        var checkins = new[]
        {
            new Checkin(1, 1, "", null, DateTimeOffset.Parse("2026-02-01T22:30:00Z"), new Dictionary<string, int> { ["legal"] = 2, ["staff"] = 1 }),
            new Checkin(2, 1, "", null, DateTimeOffset.Parse("2026-03-02T09:00:00Z"), new Dictionary<string, int> { ["legal"] = 4 }),
        };

        var chart = ReportCharts.DeficitTrend(partnership, checkins, Taxonomy, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));

        Assert.Equal([new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 2)], chart.Dates);
        Assert.Equal(["правовые вопросы", "кадры"], chart.Series.Select(s => s.Name));
        Assert.Equal([2.0, 4.0], chart.Series[0].Values);
        Assert.Equal(1.0, chart.Series[1].Values[0]);
        Assert.True(double.IsNaN(chart.Series[1].Values[1]));
        Assert.Equal((1.0, 5.0), (chart.Min, chart.Max));
    }

    [Fact]
    public void Rsvp_counts_both_answers_per_announcement_and_zero_where_nobody_answered()
    {
        var chart = ReportCharts.Rsvp(
            [new Announcement { Id = 7, Title = "Форум флагманов" }, new Announcement { Id = 8, Title = "Семинар" }],
            new Dictionary<long, (int Yes, int No)> { [7] = (12, 3) });

        Assert.Equal(["Форум флагманов", "Семинар"], chart.Categories);
        Assert.Equal(["Буду", "Не смогу"], chart.Series.Select(s => s.Name));
        Assert.Equal([12.0, 0.0], chart.Series[0].Values);
        Assert.Equal([3.0, 0.0], chart.Series[1].Values);
    }
}
