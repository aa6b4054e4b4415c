using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Reports.Charts;

namespace MentorBot.Bot.Features.Reporting;

/// <summary>What goes into each chart: pure functions of the report data, so that tests check the numbers, not pixels.</summary>
public static class ReportCharts
{
    /// <summary>Deficit coverage per code that anyone needs: young directors needing it, and how many of them free places could take.</summary>
    public static BarChart Coverage(IReadOnlyList<CoverageReport> coverage, Taxonomy taxonomy)
    {
        var needed = coverage.Where(c => c.YoungNeeding > 0).ToList();
        return new BarChart(ReportTexts.CoverageChartTitle, ReportTexts.YoungDirectorsAxis,
            needed.Select(c => taxonomy.Short(c.Code)).ToList(),
            [
                new ChartSeries(ReportTexts.NeededSeries, needed.Select(c => (double)c.YoungNeeding).ToList()),
                new ChartSeries(ReportTexts.CoveredSeries, needed.Select(c => (double)c.Covered).ToList()),
            ]);
    }

    /// <summary>Each goal's rating at each check-in, dated in the young director's zone; a goal not rated at a check-in is a gap.</summary>
    public static LineChart DeficitTrend(Partnership partnership, IReadOnlyList<Checkin> checkins, Taxonomy taxonomy, TimeZoneInfo zone) =>
        new(ReportTexts.TrendChartTitle, ReportTexts.RatingAxis,
            checkins.Select(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.CreatedAt, zone).DateTime)).ToList(),
            partnership.Goals
                .Where(goal => checkins.Any(c => c.Ratings.ContainsKey(goal)))
                .Select(goal => new ChartSeries(taxonomy.Short(goal),
                    checkins.Select(c => c.Ratings.TryGetValue(goal, out var rating) ? rating : double.NaN).ToList()))
                .ToList(),
            1, 5);

    /// <summary>Answers per announcement, in the order given; the category names the event by its title.</summary>
    public static BarChart Rsvp(IReadOnlyList<Announcement> announcements, IReadOnlyDictionary<long, (int Yes, int No)> counts) =>
        new(ReportTexts.RsvpChartTitle, ReportTexts.AnswersAxis,
            announcements.Select(a => a.Title).ToList(),
            [
                new ChartSeries(AnnouncementTexts.RsvpYesButton, announcements.Select(a => (double)counts.GetValueOrDefault(a.Id).Yes).ToList()),
                new ChartSeries(AnnouncementTexts.RsvpNoButton, announcements.Select(a => (double)counts.GetValueOrDefault(a.Id).No).ToList()),
            ]);
}
