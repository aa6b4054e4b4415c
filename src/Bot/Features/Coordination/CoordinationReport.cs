using MentorBot.Matching.Scoring;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>An active pair as the education department reads it.</summary>
public sealed record PairReport(
    DirectorProfile Mentor,
    DirectorProfile Mentee,
    Partnership Partnership,
    int PlanDone,
    int PlanTotal,
    IReadOnlyDictionary<string, int> LastRatings,
    DateTimeOffset LastActivityAt);

/// <summary>A young director without a mentor, and why.</summary>
public sealed record UnmatchedReport(DirectorProfile Mentee, string Reason);

/// <summary>
/// For one taxonomy code: how many young directors need it, how many flagships with a free place offer it, and how many
/// free places those flagships have between them.
/// </summary>
public sealed record CoverageReport(string Code, int YoungNeeding, int FlagshipsOffering, int FreePlaces = 0)
{
    public bool IsGap => YoungNeeding > 0 && FlagshipsOffering == 0;

    /// <summary>Young directors with this deficit that the free places could take, at most all of them.</summary>
    public int Covered => Math.Min(YoungNeeding, FreePlaces);
}

/// <summary>The numbers behind /pairs, /unmatched, /stats and /export, always within the coordinator's districts.</summary>
public sealed class CoordinationReport(
    PeopleRepository people,
    PartnershipRepository partnerships,
    MentorRequestRepository requests,
    MentorMatching matching,
    Taxonomy taxonomy)
{
    public async Task<IReadOnlyList<PairReport>> PairsAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken)
    {
        var pairs = new List<PairReport>();
        // Filtered by district in the database: a report's cost follows the coordinator's districts, not the whole region.
        foreach (var partnership in await partnerships.ActiveInDistrictsAsync(districts, cancellationToken))
        {
            var mentee = await people.FindAsync(partnership.MenteeId, cancellationToken);
            var mentor = await people.FindAsync(partnership.MentorId, cancellationToken);
            if (mentee is null || mentor is null)
            {
                continue;
            }
            var plan = await partnerships.PlanAsync(partnership.Id, cancellationToken);
            var checkins = await partnerships.CheckinsAsync(partnership.Id, cancellationToken);
            var lastCheckin = checkins.Count > 0 ? checkins[^1] : null;
            pairs.Add(new PairReport(mentor, mentee, partnership, plan.Count(i => i.Status == PlanItemStatus.Done), plan.Count,
                lastCheckin?.Ratings ?? new Dictionary<string, int>(), partnership.LastActivityAt));
        }
        return pairs.OrderBy(p => p.Mentor.School, StringComparer.Ordinal).ThenBy(p => p.Mentee.School, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<UnmatchedReport>> UnmatchedAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken)
    {
        var result = new List<UnmatchedReport>();
        // Read once per district, not once per young director.
        var candidatesByDistrict = new Dictionary<string, IReadOnlyList<MentorBot.Matching.Profiles.DirectorProfile>>(StringComparer.Ordinal);
        foreach (var mentee in await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], districts.ToList(), cancellationToken))
        {
            if (await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken) is not null)
            {
                continue;
            }
            string reason;
            if (await requests.PendingOfMenteeAsync(mentee.UserId, cancellationToken) is { } pending)
            {
                reason = CoordinationTexts.UnmatchedWaiting((await people.FindAsync(pending.MentorId, cancellationToken))?.FullName ?? "");
            }
            else if (await requests.WantsCoordinatorChoiceAsync(mentee.UserId, cancellationToken))
            {
                reason = CoordinationTexts.UnmatchedWantsCoordinator;
            }
            else
            {
                if (!candidatesByDistrict.TryGetValue(mentee.District, out var candidates))
                {
                    candidates = await matching.CandidatesAsync(mentee.District, cancellationToken);
                    candidatesByDistrict[mentee.District] = candidates;
                }
                var suggestions = await matching.SuggestAsync(mentee, candidates, cancellationToken, Reader.Coordinator);
                var best = suggestions.Suggestions.Count > 0
                    ? await people.FindAsync(MentorMatching.UserId(suggestions.Suggestions[0].MentorId), cancellationToken)
                    : null;
                reason = best is not null ? CoordinationTexts.UnmatchedNotAskedYet(best.FullName) : suggestions.WhyNoneReason ?? "";
            }
            result.Add(new UnmatchedReport(mentee, reason));
        }
        return result;
    }

    public async Task<IReadOnlyList<CoverageReport>> CoverageAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken)
    {
        // A young director who already has a mentor no longer needs one.
        var mentored = (await partnerships.ActiveInDistrictsAsync(districts, cancellationToken)).Select(p => p.MenteeId).ToHashSet();
        var young = (await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], districts.ToList(), cancellationToken))
            .Where(y => !mentored.Contains(y.UserId)).ToList();
        var flagships = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Approved], districts.ToList(), cancellationToken);
        var loads = await partnerships.ActiveLoadsAsync(cancellationToken);
        var withRoom = flagships.Where(f => f.IsAvailable && loads.GetValueOrDefault(f.UserId) < f.Capacity).ToList();
        return taxonomy.Entries
            .Select(e => new CoverageReport(e.Code, young.Count(y => y.Deficits.Contains(e.Code)), withRoom.Count(f => f.Strengths.Contains(e.Code)),
                withRoom.Where(f => f.Strengths.Contains(e.Code)).Sum(f => f.Capacity - loads.GetValueOrDefault(f.UserId))))
            .ToList();
    }
}
