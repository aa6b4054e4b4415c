namespace MentorBot.Matching.Candidates;

/// <summary>One young director's shortlist and what was left out of it.</summary>
internal sealed record MenteeCandidates(CandidateTally Tally, Candidate[] Best, int LeftOut, double BestLeftOut);

/// <summary>Scores each young director's eligible flagships and keeps the best k, in parallel over young directors.</summary>
internal static class CandidateSearch
{
    /// <summary>Shortlists every young director for whom <paramref name="include"/> holds; null for the others.</summary>
    public static MenteeCandidates?[] Shortlist(MatchingRun run, int k, Func<int, bool> include)
    {
        var lists = new MenteeCandidates?[run.Mentees.Length];
        Parallel.For(
            0,
            lists.Length,
            () => new CandidateScanner(run, k),
            (mentee, _, scanner) =>
            {
                if (include(mentee))
                    lists[mentee] = scanner.Shortlist(mentee);
                return scanner;
            },
            _ => { });
        return lists;
    }
}

/// <summary>The buffers one thread reuses while scanning young directors one after another.</summary>
internal sealed class CandidateScanner(MatchingRun run, int k)
{
    private readonly VisitMarks _visits = new(run.Flagships.Length);
    private readonly List<int> _eligible = [];
    private readonly CandidateShortlist _shortlist = new(k);

    public MenteeCandidates Shortlist(int mentee)
    {
        var tally = run.FindEligible(mentee, _visits, _eligible);
        _shortlist.Clear();
        foreach (var f in _eligible)
            _shortlist.Offer(new Candidate(f, run.Scorer.Value(run.Mentees[mentee], run.Flagships[f])));
        return new MenteeCandidates(tally, _shortlist.Best(), _shortlist.LeftOut, _shortlist.BestLeftOut);
    }

    /// <summary>Every eligible flagship of the mentee with its score, for pricing the pairs a shortlist left out.</summary>
    public IEnumerable<Candidate> AllEligible(int mentee)
    {
        run.FindEligible(mentee, _visits, _eligible);
        return _eligible.Select(f => new Candidate(f, run.Scorer.Value(run.Mentees[mentee], run.Flagships[f])));
    }
}
