using System.Globalization;

namespace MentorBot.Matching.Assignment;

/// <summary>Solves an <see cref="AssignmentInstance"/> exactly.</summary>
public static class OptimalAssignment
{
    /// <summary>
    /// Matches as many mentees as possible, each to at most one mentor, no mentor beyond its capacity, only through
    /// listed pairs; among those matchings takes one of the largest total score. Ties are broken by id order, so
    /// the order of the input does not matter. Assignments come sorted by mentee id.
    /// </summary>
    /// <exception cref="MatchingInputException">The instance is malformed; the message names the item.</exception>
    public static AssignmentResult Solve(AssignmentInstance instance)
    {
        var mentees = IndexIds(instance.Mentees, "mentees", ".id");
        var mentors = IndexIds(instance.Mentors.Select(m => m.Id), "mentors", ".id");
        var menteeIds = mentees.Keys.Order(StringComparer.Ordinal).ToArray();
        var mentorIds = mentors.Keys.Order(StringComparer.Ordinal).ToArray();
        var menteeIndex = Rank(menteeIds);
        var mentorIndex = Rank(mentorIds);

        var capacity = new int[mentorIds.Length];
        foreach (var (mentor, i) in instance.Mentors.Select((m, i) => (m, i)))
        {
            if (mentor.Capacity <= 0)
                throw new MatchingInputException($"mentors[{i}].capacity: must be positive, got {mentor.Capacity}");
            capacity[mentorIndex[mentor.Id]] = mentor.Capacity;
        }

        var pairs = instance.Pairs;
        var order = new long[pairs.Count];
        var edges = new CandidateEdge[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (!menteeIndex.TryGetValue(pair.Mentee ?? "", out var mentee))
                throw new MatchingInputException($"pairs[{i}].mentee: unknown mentee id \"{pair.Mentee}\"");
            if (!mentorIndex.TryGetValue(pair.Mentor ?? "", out var mentor))
                throw new MatchingInputException($"pairs[{i}].mentor: unknown mentor id \"{pair.Mentor}\"");
            if (double.IsNaN(pair.Score))
                throw new MatchingInputException($"pairs[{i}].score: NaN is not a score; expected a number in (0, 1]");
            if (!(pair.Score > 0 && pair.Score <= 1))
                throw new MatchingInputException($"pairs[{i}].score: must be in (0, 1], got {pair.Score.ToString("R", CultureInfo.InvariantCulture)}");
            edges[i] = new CandidateEdge(mentee, mentor, pair.Score);
            // Sorting by (mentee, mentor, input position) gives the canonical order and puts repeats side by side.
            order[i] = ((long)mentee * mentorIds.Length + mentor) * pairs.Count + i;
        }
        Array.Sort(order);
        var sorted = order.Select(key => (int)(key % pairs.Count)).ToArray();
        RejectRepeatedPairs(sorted, edges, pairs);

        var graph = AssignmentGraph.Solve(menteeIds.Length, capacity, [.. sorted.Select(i => edges[i])]);
        var assignments = sorted
            .Where(i => graph.MentorOf[edges[i].Mentee] == edges[i].Mentor)
            .Select(i => pairs[i] with { Mentee = menteeIds[edges[i].Mentee], Mentor = mentorIds[edges[i].Mentor] })
            .ToList();
        return new AssignmentResult(assignments.Count, assignments.Sum(a => a.Score), assignments);
    }

    /// <summary>Names the repeat that comes first in the input.</summary>
    private static void RejectRepeatedPairs(int[] sorted, CandidateEdge[] edges, IReadOnlyList<ScoredPair> pairs)
    {
        var (first, repeat) = (-1, int.MaxValue);
        for (var k = 1; k < sorted.Length; k++)
        {
            var (a, b) = (edges[sorted[k - 1]], edges[sorted[k]]);
            if (a.Mentee == b.Mentee && a.Mentor == b.Mentor && sorted[k] < repeat)
                (first, repeat) = (sorted[k - 1], sorted[k]);
        }
        if (first >= 0)
            throw new MatchingInputException(
                $"pairs[{repeat}]: duplicate pair \"{pairs[repeat].Mentee}\" – \"{pairs[repeat].Mentor}\", first listed as pairs[{first}]");
    }

    private static Dictionary<string, int> IndexIds(IEnumerable<string> ids, string list, string field)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            if (string.IsNullOrEmpty(id))
                throw new MatchingInputException($"{list}[{i}]{field}: missing or empty id");
            if (!index.TryAdd(id, i))
                throw new MatchingInputException($"{list}[{i}]{field}: duplicate id \"{id}\", first listed as {list}[{index[id]}]");
        }
        return index;
    }

    private static Dictionary<string, int> Rank(string[] sortedIds) =>
        sortedIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
}
