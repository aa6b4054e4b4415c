using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reports;
using MentorBot.Bot.Reports.Charts;

namespace MentorBot.Bot.Features.Reporting;

/// <summary>The monthly district report as files: the workbook, the coverage chart (none when nobody declared a deficit), and the caption.</summary>
public sealed record MonthlyReportFiles(string FileName, byte[] Workbook, byte[]? CoverageChart, HtmlText Caption);

/// <summary>
/// The report a coordinator sends upwards each month, for their districts: pairs and their status, young directors
/// without a mentor and why, deficits (needed, covered, closed per check-ins), meetings held, and events with their
/// answers. The month runs from midnight to midnight in the zone of the coordinator's first district; dates in the file
/// are in each row's own district's time. Pairs, meetings and events are those of the month; who has no mentor and
/// which free places there are is the state when the report is made.
/// </summary>
public sealed class MonthlyReport(
    PartnershipRepository partnerships,
    PeopleRepository people,
    AnnouncementRepository announcements,
    RsvpRepository rsvps,
    CoordinationReport coordination,
    Taxonomy taxonomy,
    Districts districts,
    TimeProvider clock)
{
    /// <summary>A rating from this one up means the young director sees the deficit closed or nearly closed.</summary>
    public const int ClosedRating = 4;

    public async Task<MonthlyReportFiles> BuildAsync(IReadOnlyCollection<string> scope, ReportMonth month, CancellationToken cancellationToken)
    {
        var ordered = scope.Order(StringComparer.Ordinal).ToList();
        var (from, to) = month.Span(districts.TimeZone(ordered.FirstOrDefault()));
        var coverage = await coordination.CoverageAsync(scope, cancellationToken);

        var pairs = new List<(Partnership Partnership, DirectorProfile Mentor, DirectorProfile Mentee, IReadOnlyList<Checkin> Checkins)>();
        var pairRows = new List<IReadOnlyList<object?>>();
        // Held: a meeting planned for later in the current month is not counted yet.
        var now = clock.GetUtcNow();
        var meetings = await partnerships.MeetingsInDistrictsAsync(scope, from, now < to ? now : to, cancellationToken);
        var meetingsOf = meetings.ToLookup(m => m.PartnershipId);
        foreach (var partnership in await partnerships.InDistrictsDuringAsync(scope, from, to, cancellationToken))
        {
            if (await people.FindAsync(partnership.MenteeId, cancellationToken) is not { } mentee
                || await people.FindAsync(partnership.MentorId, cancellationToken) is not { } mentor)
            {
                continue;
            }
            var plan = await partnerships.PlanAsync(partnership.Id, cancellationToken);
            var checkins = (await partnerships.CheckinsAsync(partnership.Id, cancellationToken)).Where(c => c.CreatedAt < to).ToList();
            pairs.Add((partnership, mentor, mentee, checkins));
            var zone = districts.TimeZone(mentee.District);
            pairRows.Add([pairRows.Count + 1, districts.Name(mentee.District), mentor.School, mentor.FullName, mentee.School, mentee.FullName,
                partnership.StartsOn, partnership.EndsOn, ReportTexts.StatusLabel(partnership.Status),
                plan.Count(i => i.Status == PlanItemStatus.Done), plan.Count, meetingsOf[partnership.Id].Count(),
                checkins.Count == 0 ? null : Local(checkins[^1].CreatedAt, zone)]);
        }

        var unmatched = await coordination.UnmatchedAsync(scope, cancellationToken);
        var unmatchedRows = unmatched
            .OrderBy(u => districts.Name(u.Mentee.District), StringComparer.Ordinal).ThenBy(u => u.Mentee.School, StringComparer.Ordinal)
            .Select((u, i) => (IReadOnlyList<object?>)[i + 1, districts.Name(u.Mentee.District), u.Mentee.School, u.Mentee.FullName, u.Reason]);

        var deficitRows = coverage
            .Where(c => c.YoungNeeding > 0 || c.FlagshipsOffering > 0 || pairs.Any(p => p.Partnership.Goals.Contains(c.Code)))
            .Select(c => (IReadOnlyList<object?>)[taxonomy.Label(c.Code), c.YoungNeeding, c.FlagshipsOffering, c.FreePlaces, c.Covered,
                pairs.Count(p => p.Partnership.Goals.Contains(c.Code)),
                pairs.Count(p => LatestRating(p.Checkins, c.Code) >= ClosedRating)]);

        var pairOf = pairs.ToDictionary(p => p.Partnership.Id);
        var meetingRows = meetings.Where(m => pairOf.ContainsKey(m.PartnershipId)).Select((m, i) =>
        {
            var pair = pairOf[m.PartnershipId];
            return (IReadOnlyList<object?>)[i + 1, Local(m.StartsAt, districts.TimeZone(pair.Mentee.District)), PartnershipTexts.FormatLabel(m.Format),
                districts.Name(pair.Mentee.District), pair.Mentor.FullName, pair.Mentee.FullName];
        });

        var events = await announcements.StartingWithinAsync(scope, from, to, cancellationToken);
        var answers = await rsvps.CountsAsync(events.Select(e => e.Id).ToList(), cancellationToken);
        var eventRows = events.Select((e, i) => (IReadOnlyList<object?>)[i + 1, Local(e.StartsAt, AnnouncementMessage.Zone(e.TimeZone)),
            AnnouncementTexts.KindLabel(e.Kind), e.Title, e.Place, e.Recipients, answers.GetValueOrDefault(e.Id).Yes, answers.GetValueOrDefault(e.Id).No]);

        var workbook = new XlsxWorkbook()
            .Sheet(ReportTexts.PairsSheet, ReportTexts.PairsHeaders, pairRows)
            .Sheet(ReportTexts.UnmatchedSheet, ReportTexts.UnmatchedHeaders, unmatchedRows)
            .Sheet(ReportTexts.DeficitsSheet, ReportTexts.DeficitsHeaders, deficitRows)
            .Sheet(ReportTexts.MeetingsSheet, ReportTexts.MeetingsHeaders, meetingRows)
            .Sheet(ReportTexts.EventsSheet, ReportTexts.EventsHeaders, eventRows);
        // The forum's designated pairs as they stand when the report is made; only a district that imported a resolution has the sheet.
        var designated = await coordination.DesignatedAsync(scope, cancellationToken);
        if (designated.Count > 0)
        {
            workbook.Sheet(ReportTexts.DesignatedSheet, ReportTexts.DesignatedHeaders, designated.Select((d, i) => (IReadOnlyList<object?>)
            [
                i + 1, districts.Name(d.Pair.District), "№" + d.Pair.FlagshipNumber, d.Mentor?.FullName ?? "не зарегистрирован",
                "№" + d.Pair.YoungNumber, d.Mentee?.FullName ?? "не зарегистрирован", DesignatedPairTexts.StatusLabel(d.Pair),
            ]));
        }
        var coverageChart = ReportCharts.Coverage(coverage, taxonomy);
        var chart = coverageChart.IsEmpty ? null : ChartRenderer.Png(coverageChart);
        return new MonthlyReportFiles(ReportTexts.FileName("mentorbot-report", month.Year, month.Month), workbook.ToBytes(), chart,
            ReportTexts.ReportCaption(month.Name, ordered.Select(districts.Name)));
    }

    private static int LatestRating(IReadOnlyList<Checkin> checkins, string code) =>
        checkins.LastOrDefault(c => c.Ratings.ContainsKey(code))?.Ratings[code] ?? 0;

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
