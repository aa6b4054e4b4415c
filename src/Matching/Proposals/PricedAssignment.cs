using MentorBot.Matching.Assignment;
using MentorBot.Matching.Candidates;

namespace MentorBot.Matching.Proposals;

/// <summary>
/// Solves over the shortlists, then proves the result optimal over every eligible pair, or repairs it.
/// <para>
/// The solver returns dual values for young directors and flagships that cover every pair of the graph (exactly for
/// the pairs it chose). If they also cover every eligible pair left out, the assignment is optimal over all of them
/// (LP duality for bipartite b-matching). A pair left out scores at most the best score its shortlist turned away,
/// and its flagship's dual is at least the lowest in the young director's reach: when even that bound is covered,
/// nothing left out needs a look. Otherwise the young director's left-out pairs are priced one by one; those not
/// covered join the candidates and the solver runs again. This is column generation: it stops with a proof, or
/// after <see cref="MaxRounds"/> runs without one, and then says so.
/// </para>
/// </summary>
internal static class PricedAssignment
{
    public const int MaxRounds = 4;

    // The best left-out score of a young director with nothing left out.
    private const double NothingLeftOut = double.NegativeInfinity;

    public static (int[] MentorOf, PruningReport Report) Solve(MatchingRun run, MenteeCandidates?[] shortlists, int k)
    {
        var candidates = shortlists.Select(s => s?.Best.ToList() ?? []).ToArray();
        var bestLeftOut = shortlists.Select(s => s is { LeftOut: > 0 } ? s.BestLeftOut : NothingLeftOut).ToArray();
        var capacity = run.FreePlaces.Select(p => Math.Max(0, p)).ToArray();
        var added = 0;
        for (var round = 1; ; round++)
        {
            CandidateEdge[] edges = [.. candidates.SelectMany((list, m) =>
                list.OrderBy(c => c.Mentor).Select(c => new CandidateEdge(m, c.Mentor, c.Score)))];
            var graph = AssignmentGraph.SolveWithDuals(run.Mentees.Length, capacity, edges);
            var repairs = FindImprovingPairs(run, graph, candidates, bestLeftOut, k);
            if (repairs.Count == 0 || round == MaxRounds)
            {
                var shortlisted = shortlists.Count(s => s is { LeftOut: > 0 });
                return (graph.MentorOf, new PruningReport(edges.Length, shortlisted, added, round, repairs.Count == 0));
            }
            foreach (var (mentee, candidate) in repairs)
                candidates[mentee].Add(candidate);
            added += repairs.Count;
        }
    }

    /// <summary>Left-out pairs the duals do not cover; updates the best left-out score of each young director priced.</summary>
    private static List<(int Mentee, Candidate Candidate)> FindImprovingPairs(
        MatchingRun run, AssignmentGraph graph, List<Candidate>[] candidates, double[] bestLeftOut, int k)
    {
        var lowestDual = run.Index.Groups.ToDictionary(g => g, g => g.Members.Select(graph.MentorDual).DefaultIfEmpty(0).Min());
        var found = new List<Candidate>?[candidates.Length];
        Parallel.For(
            0,
            candidates.Length,
            () => new CandidateScanner(run, k),
            (mentee, _, scanner) =>
            {
                if (bestLeftOut[mentee] == NothingLeftOut)
                    return scanner;
                if (graph.Slack(mentee, lowestDual[run.Index.For(run.Mentees[mentee])], bestLeftOut[mentee]) >= 0)
                    return scanner;
                var kept = candidates[mentee].Select(c => c.Mentor).ToHashSet();
                var uncovered = new List<(long Slack, Candidate Candidate)>();
                bestLeftOut[mentee] = NothingLeftOut;
                foreach (var c in scanner.AllEligible(mentee).Where(c => !kept.Contains(c.Mentor)))
                {
                    var slack = graph.Slack(mentee, graph.MentorDual(c.Mentor), c.Score);
                    if (slack < 0)
                        uncovered.Add((slack, c));
                    else
                        bestLeftOut[mentee] = Math.Max(bestLeftOut[mentee], c.Score);
                }
                // Bring back only the k most uncovered pairs a round, so a crowded reach cannot flood the graph;
                // the rest stay left out and count towards the bound.
                var mostUncovered = uncovered.OrderBy(u => u.Slack).ThenBy(u => u.Candidate.Mentor).Select(u => u.Candidate).ToList();
                foreach (var c in mostUncovered.Skip(k))
                    bestLeftOut[mentee] = Math.Max(bestLeftOut[mentee], c.Score);
                found[mentee] = mostUncovered[..Math.Min(k, mostUncovered.Count)];
                return scanner;
            },
            _ => { });
        return [.. found.SelectMany((list, mentee) => (list ?? []).Select(c => (mentee, c)))];
    }
}
