using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.DesignatedPairs;

/// <summary>
/// What importing a list would do to a district's designated pairs. The list is the district's resolution: its new
/// pairs are added, live pairs it no longer has are withdrawn; a pair that started, or was declined, stays as it is.
/// </summary>
public sealed record DesignatedPairPlan(
    string District,
    int LinesRead,
    int PairsRead,
    IReadOnlyList<PairEntry> Added,
    IReadOnlyList<DesignatedPair> Withdrawn,
    int Unchanged,
    IReadOnlyList<PairEntry> AnsweredEarlier,
    IReadOnlyList<RowProblem> Problems,
    bool NoRegistry = false)
{
    public bool IsValid => Problems.Count == 0 && !NoRegistry;

    public bool HasChanges => Added.Count + Withdrawn.Count > 0;
}

/// <summary>Checks a list against the district's registry, profiles and capacities, and applies a valid plan in the caller's transaction.</summary>
public sealed class DesignatedPairImport(
    DesignatedPairRepository pairs,
    SchoolRepository schools,
    PeopleRepository people,
    PartnershipRepository partnerships)
{
    public async Task<DesignatedPairPlan> PlanAsync(string district, PairList list, CancellationToken cancellationToken = default)
    {
        var registry = (await schools.ListAsync(district, cancellationToken)).Where(s => !s.IsClosed).ToDictionary(s => s.Number, StringComparer.Ordinal);
        if (registry.Count == 0)
        {
            return new DesignatedPairPlan(district, list.LinesRead, list.Pairs.Count, [], [], 0, [], list.Problems, NoRegistry: true);
        }
        var problems = list.Problems.ToList();
        var valid = new List<PairEntry>();
        foreach (var entry in list.Pairs)
        {
            var reasons = new List<string>();
            if (!registry.TryGetValue(entry.Flagship, out var flagship))
            {
                reasons.Add(DesignatedPairTexts.UnknownSchool(entry.Flagship));
            }
            else if (flagship.Status != RegistryStatus.Flagship)
            {
                reasons.Add(DesignatedPairTexts.NotFlagship(entry.Flagship));
            }
            if (!registry.TryGetValue(entry.Young, out var young))
            {
                reasons.Add(DesignatedPairTexts.UnknownSchool(entry.Young));
            }
            else if (young.Status == RegistryStatus.Flagship)
            {
                reasons.Add(DesignatedPairTexts.YoungIsFlagship(entry.Young));
            }
            if (reasons.Count > 0)
            {
                problems.Add(new RowProblem(entry.Line, string.Join("; ", reasons)));
            }
            else
            {
                valid.Add(entry);
            }
        }

        var existing = await pairs.ListAsync(district, cancellationToken);
        var live = existing.Where(p => p.IsLive).ToDictionary(p => p.YoungNumber, StringComparer.Ordinal);
        var added = new List<PairEntry>();
        var withdrawn = new List<DesignatedPair>();
        var answered = new List<PairEntry>();
        var unchanged = new List<PairEntry>();
        foreach (var entry in valid)
        {
            if (live.TryGetValue(entry.Young, out var current))
            {
                if (current.FlagshipNumber == entry.Flagship)
                {
                    unchanged.Add(entry);
                    continue;
                }
                withdrawn.Add(current);
                added.Add(entry);
            }
            else if (existing.LastOrDefault(p => p.FlagshipNumber == entry.Flagship && p.YoungNumber == entry.Young) is { Status: not DesignatedPairStatus.Withdrawn } earlier)
            {
                // Started, declined or released: the same list again proposes nothing anew.
                (earlier.Status == DesignatedPairStatus.Started ? unchanged : answered).Add(entry);
            }
            else
            {
                added.Add(entry);
            }
        }
        var inList = valid.Select(e => e.Young).ToHashSet(StringComparer.Ordinal);
        withdrawn.AddRange(live.Values.Where(p => !inList.Contains(p.YoungNumber)));

        problems.AddRange(await MentoredElsewhereAsync(district, added, cancellationToken));
        problems.AddRange(await OverCapacityAsync(district, added, unchanged.Where(e => live.ContainsKey(e.Young)).ToList(), cancellationToken));
        return new DesignatedPairPlan(district, list.LinesRead, list.Pairs.Count, added, withdrawn.OrderBy(p => p.Id).ToList(), unchanged.Count + answered.Count, answered,
            problems.OrderBy(p => p.Row).ToList());
    }

    public async Task ApplyAsync(DesignatedPairPlan plan, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("A plan with problems cannot be applied.");
        }
        foreach (var pair in plan.Withdrawn)
        {
            await pairs.MoveAsync(pair.Id, [DesignatedPairStatus.Waiting, DesignatedPairStatus.Proposed], DesignatedPairStatus.Withdrawn, now, cancellationToken);
        }
        foreach (var entry in plan.Added)
        {
            await pairs.InsertAsync(plan.District, entry.Flagship, entry.Young, now, cancellationToken);
        }
    }

    /// <summary>A young director who has a mentor already, other than the designated school's director, cannot be designated anew.</summary>
    private async Task<IEnumerable<RowProblem>> MentoredElsewhereAsync(string district, IReadOnlyList<PairEntry> added, CancellationToken cancellationToken)
    {
        var problems = new List<RowProblem>();
        var young = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], [district], cancellationToken);
        foreach (var entry in added)
        {
            foreach (var director in young.Where(y => y.SchoolNumber == entry.Young))
            {
                if (await partnerships.ActiveOfMenteeAsync(director.UserId, cancellationToken) is { } partnership
                    && await people.FindAsync(partnership.MentorId, cancellationToken) is { } mentor
                    && !(mentor.District == district && mentor.SchoolNumber == entry.Flagship))
                {
                    problems.Add(new RowProblem(entry.Line, DesignatedPairTexts.HasMentorAlready(entry.Young, mentor.School)));
                }
            }
        }
        return problems;
    }

    /// <summary>
    /// A registered flagship's declared capacity holds: their active partnerships and the pairs designated to their
    /// school (those kept, then the list's new ones in its order) may not exceed it; the new pairs beyond it are refused.
    /// </summary>
    private async Task<IEnumerable<RowProblem>> OverCapacityAsync(
        string district, IReadOnlyList<PairEntry> added, IReadOnlyList<PairEntry> kept, CancellationToken cancellationToken)
    {
        var problems = new List<RowProblem>();
        var flagships = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Approved, ProfileStatus.Pending], [district], cancellationToken);
        foreach (var group in added.GroupBy(e => e.Flagship))
        {
            if (flagships.Where(f => f.SchoolNumber == group.Key).OrderBy(f => f.CreatedAt).ThenBy(f => f.UserId).FirstOrDefault() is not { Capacity: > 0 } flagship)
            {
                continue;
            }
            var active = await partnerships.ActiveOfMentorAsync(flagship.UserId, cancellationToken);
            var activeMentees = new HashSet<string>(StringComparer.Ordinal);
            foreach (var partnership in active)
            {
                if (await people.FindAsync(partnership.MenteeId, cancellationToken) is { SchoolNumber: { } number } mentee && mentee.District == district)
                {
                    activeMentees.Add(number);
                }
            }
            // A designated young school already in a partnership with this flagship needs no second place.
            var taken = active.Count + kept.Count(e => e.Flagship == group.Key && !activeMentees.Contains(e.Young));
            foreach (var entry in group.Where(e => !activeMentees.Contains(e.Young)))
            {
                if (taken >= flagship.Capacity)
                {
                    problems.Add(new RowProblem(entry.Line, DesignatedPairTexts.OverCapacity(group.Key, entry.Young, flagship.Capacity, taken)));
                    continue;
                }
                taken++;
            }
        }
        return problems;
    }
}
