using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Reports.Charts;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>/pairs: active partnerships in the coordinator's districts, with plan progress and the last activity.</summary>
public sealed class PairsCommand(CoordinationReport report, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("pairs", "активные пары и их активность", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var pairs = await report.PairsAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        var designated = await report.PendingDesignatedAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        var lines = new List<HtmlText>();
        lines.Add(pairs.Count == 0 ? CoordinationTexts.NoPairs : CoordinationTexts.PairsHeader(pairs.Count));
        lines.AddRange(pairs.Select(p => CoordinationTexts.PairLine(
            MentorshipTexts.ShortName(p.Mentor.FullName), p.Mentor.School, MentorshipTexts.ShortName(p.Mentee.FullName), p.Mentee.School,
            MentorshipTexts.Date(p.Partnership.StartsOn), MentorshipTexts.Date(p.Partnership.EndsOn), p.PlanDone, p.PlanTotal,
            MentorshipTexts.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.LastActivityAt, districts.TimeZone(p.Mentee.District)).DateTime)), p.Designated)));
        if (designated.Count > 0)
        {
            lines.Add(HtmlText.Empty);
            lines.Add(DesignatedPairTexts.DesignatedHeader(designated.Count));
            lines.AddRange(designated.Select(d => DesignatedPairTexts.DesignatedLine(
                d.Pair, d.Mentor is { } mentor ? MentorshipTexts.ShortName(mentor.FullName) : null, d.Mentee is { } mentee ? MentorshipTexts.ShortName(mentee.FullName) : null)));
        }
        context.Reply(Html.Lines(lines));
    }
}

/// <summary>/unmatched: young directors without a mentor, and why.</summary>
public sealed class UnmatchedCommand(CoordinationReport report) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("unmatched", "молодые директора без наставника", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var unmatched = await report.UnmatchedAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        context.Reply(unmatched.Count == 0
            ? CoordinationTexts.NoUnmatched
            : Html.Lines(unmatched.Select(u => CoordinationTexts.UnmatchedLine(u.Mentee.FullName, u.Mentee.School, u.Reason))
                .Prepend(CoordinationTexts.UnmatchedHeader(unmatched.Count))));
    }
}

/// <summary>/pending: flagships awaiting approval and requests waiting longer than the nudge interval (48 hours unless configured otherwise).</summary>
public sealed class PendingCommand(PeopleRepository people, MentorRequestRepository requests, IOptions<RemindersOptions> reminders) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("pending", "что ждёт решения: заявки и запросы", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var scope = context.Caller.CoordinatorDistricts;
        var approvals = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Pending], scope.ToList(), cancellationToken);
        var lines = new List<HtmlText> { CoordinationTexts.AwaitingDecisionHeader, CoordinationTexts.PendingApprovalsLine(approvals.Count) };
        var waiting = new List<HtmlText>();
        var waitedLongerThan = reminders.Value.RequestNudgeAfter;
        foreach (var request in await requests.PendingSinceAsync(context.Now - waitedLongerThan, cancellationToken))
        {
            if (await people.FindAsync(request.MenteeId, cancellationToken) is { } mentee && scope.Contains(mentee.District)
                && await people.FindAsync(request.MentorId, cancellationToken) is { } mentor)
            {
                waiting.Add(CoordinationTexts.WaitingRequest(mentee.FullName, mentor.FullName, MentorshipTexts.DateTime(request.CreatedAt)));
            }
        }
        lines.Add(CoordinationTexts.WaitingRequestsLine(waiting.Count, waitedLongerThan));
        lines.AddRange(waiting);
        context.Reply(Html.Lines(lines));
    }
}

/// <summary>/stats: people by role and district, and the deficit coverage, with its gaps named.</summary>
public sealed class StatsCommand(PeopleRepository people, CoordinationReport report, Taxonomy taxonomy, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("stats", "статистика и покрытие дефицитов", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var scope = context.Caller.CoordinatorDistricts;
        var young = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], scope.ToList(), cancellationToken);
        var flagships = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Approved, ProfileStatus.Pending], scope.ToList(), cancellationToken);
        var pairs = await report.PairsAsync(scope, cancellationToken);
        var designated = await report.PendingDesignatedAsync(scope, cancellationToken);
        var lines = new List<HtmlText> { CoordinationTexts.StatsHeader };
        foreach (var district in scope.Order(StringComparer.Ordinal))
        {
            lines.Add(CoordinationTexts.StatsDistrict(districts.Name(district),
                young.Count(y => y.District == district),
                flagships.Count(f => f.District == district && f.Status == ProfileStatus.Approved),
                flagships.Count(f => f.District == district && f.Status == ProfileStatus.Pending),
                pairs.Count(p => p.Mentee.District == district),
                pairs.Count(p => p.Mentee.District == district && p.Designated),
                designated.Count(d => d.Pair.District == district)));
        }
        var coverage = await report.CoverageAsync(scope, cancellationToken);
        lines.Add(CoordinationTexts.CoverageHeader);
        lines.AddRange(coverage.Where(c => c.YoungNeeding > 0 || c.FlagshipsOffering > 0)
            .Select(c => CoordinationTexts.CoverageLine(taxonomy.Label(c.Code), c.YoungNeeding, c.FlagshipsOffering, c.IsGap)));
        var gaps = coverage.Where(c => c.IsGap).Select(c => taxonomy.Label(c.Code)).ToList();
        lines.Add(gaps.Count > 0 ? CoordinationTexts.Gaps(gaps) : CoordinationTexts.NoGaps);
        context.Reply(Html.Lines(lines));
        if (ReportCharts.Coverage(coverage, taxonomy) is { IsEmpty: false } chart)
        {
            context.Outbox.SendPhoto(context.ChatId, "coverage.png", ChartRenderer.Png(chart),
                ReportTexts.CoverageChartCaption(scope.Order(StringComparer.Ordinal).Select(districts.Name)));
        }
    }
}
