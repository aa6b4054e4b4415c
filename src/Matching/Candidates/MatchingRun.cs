using MentorBot.Matching.Profiles;
using MentorBot.Matching.Scoring;

namespace MentorBot.Matching.Candidates;

/// <summary>
/// The directors of one run, prepared for scoring, with the hard constraints: never oneself, never a pair
/// declined or excluded, never another region unless allowed, never a flagship without a free place, and
/// only flagships that cover at least one deficit (a mentor who can help with none is no mentor).
/// </summary>
internal sealed class MatchingRun
{
    private readonly HashSet<long> _blocked = [];

    /// <param name="placesTaken">Places each flagship (by id) gives to pinned pairs of this run.</param>
    public MatchingRun(
        IEnumerable<DirectorProfile> young,
        IEnumerable<DirectorProfile> flagships,
        MatchingConstraints constraints,
        PairScorer scorer,
        IReadOnlyDictionary<string, int> placesTaken)
    {
        var codes = new RunVocabulary();
        Mentees = [.. young.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => new DirectorFacts(d, codes))];
        Flagships = [.. flagships.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => new DirectorFacts(d, codes))];
        FreePlaces = [.. Flagships.Select(f => f.FreePlaces - placesTaken.GetValueOrDefault(f.Id))];
        AcrossRegions = constraints.AllowCrossRegion;
        Scorer = scorer;
        Index = new FlagshipIndex(Flagships, FreePlaces, AcrossRegions);

        var menteeIndex = IndexOf(Mentees);
        var flagshipIndex = IndexOf(Flagships);
        foreach (var pair in constraints.Declined.Concat(constraints.Excluded))
        {
            // History may name people who are not in this run; they simply do not apply.
            if (menteeIndex.TryGetValue(pair.MenteeId, out var m) && flagshipIndex.TryGetValue(pair.MentorId, out var f))
                _blocked.Add(Key(m, f));
        }
    }

    /// <summary>Young directors in id order.</summary>
    public DirectorFacts[] Mentees { get; }

    /// <summary>Flagships in id order.</summary>
    public DirectorFacts[] Flagships { get; }

    /// <summary>Places each flagship can still take in this run (zero or less: none).</summary>
    public int[] FreePlaces { get; }

    public bool AcrossRegions { get; }
    public PairScorer Scorer { get; }
    public FlagshipIndex Index { get; }

    /// <summary>Puts the flagships that pass every hard constraint for the mentee into <paramref name="eligible"/>.</summary>
    public CandidateTally FindEligible(int mentee, VisitMarks visits, List<int> eligible)
    {
        var facts = Mentees[mentee];
        var group = Index.For(facts);
        eligible.Clear();
        visits.Next();
        var (covering, coveringWithPlaces) = (0, 0);
        foreach (var deficit in facts.DeficitBits)
        {
            foreach (var f in group.WithStrength(deficit))
            {
                if (!visits.FirstVisit(f))
                    continue;
                covering++;
                if (FreePlaces[f] <= 0)
                    continue;
                coveringWithPlaces++;
                if (Flagships[f].Id != facts.Id && !_blocked.Contains(Key(mentee, f)))
                    eligible.Add(f);
            }
        }
        return new CandidateTally(
            facts.DeficitBits.Length > 0, group.Members.Length, group.WithFreePlaces, covering, coveringWithPlaces, eligible.Count);
    }

    private long Key(int mentee, int flagship) => (long)mentee * Flagships.Length + flagship;

    private static Dictionary<string, int> IndexOf(DirectorFacts[] directors) =>
        directors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
}

/// <summary>Marks flagships seen while scanning one mentee, without clearing an array per mentee.</summary>
internal sealed class VisitMarks(int size)
{
    private readonly int[] _marks = new int[size];
    private int _stamp;

    public void Next() => _stamp++;

    public bool FirstVisit(int item)
    {
        if (_marks[item] == _stamp)
            return false;
        _marks[item] = _stamp;
        return true;
    }
}
