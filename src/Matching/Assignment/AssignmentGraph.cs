namespace MentorBot.Matching.Assignment;

/// <summary>A candidate pair by index: mentee and mentor indices in id order, and the pair's score.</summary>
internal readonly record struct CandidateEdge(int Mentee, int Mentor, double Score);

/// <summary>
/// Builds the flow network for a sparse bipartite instance, solves it, and reads the solution and its duals.
/// Edges must come sorted by (mentee, mentor) without repeats; indices follow id order, so the result does not
/// depend on input order. The side with fewer units is added one unit at a time: the last units of the larger
/// side are the ones that search the whole graph in vain.
/// </summary>
internal sealed class AssignmentGraph
{
    private readonly bool _menteesAsRows;
    private readonly bool _trueCapacities;
    private readonly MinCostFlow _flow;
    private readonly long[] _menteeDual;

    private AssignmentGraph(int mentees, int[] mentorCapacity, IReadOnlyList<CandidateEdge> edges, bool trueCapacities)
    {
        _trueCapacities = trueCapacities;
        var capacity = mentorCapacity;
        if (!trueCapacities)
        {
            // A mentor can never take more mentees than it has pairs; a larger capacity only adds units to search for.
            var degree = new int[mentorCapacity.Length];
            foreach (var edge in edges)
                degree[edge.Mentor]++;
            capacity = [.. mentorCapacity.Select((c, f) => Math.Min(c, degree[f]))];
        }
        _menteesAsRows = mentees <= capacity.Sum(c => (long)c);

        Units = new ScoreUnits(_menteesAsRows ? mentees : capacity.Sum());
        var rowCount = _menteesAsRows ? mentees : mentorCapacity.Length;
        var rowStart = new int[rowCount + 1];
        foreach (var edge in edges)
            rowStart[Row(edge) + 1]++;
        for (var r = 0; r < rowCount; r++)
            rowStart[r + 1] += rowStart[r];

        // A counting sort by row keeps the (mentee, mentor) order within each row.
        var next = rowStart[..^1];
        var edgeAt = new int[edges.Count];
        var edgeCol = new int[edges.Count];
        var edgeCost = new long[edges.Count];
        for (var i = 0; i < edges.Count; i++)
        {
            var slot = next[Row(edges[i])]++;
            edgeAt[slot] = i;
            edgeCol[slot] = _menteesAsRows ? edges[i].Mentor : edges[i].Mentee;
            edgeCost[slot] = Units.Cost(Units.Of(edges[i].Score));
        }

        var ones = Enumerable.Repeat(1, mentees).ToArray();
        _flow = _menteesAsRows
            ? new MinCostFlow(ones, capacity, rowStart, edgeCol, edgeCost, Units.UnmatchedCost)
            : new MinCostFlow(capacity, ones, rowStart, edgeCol, edgeCost, Units.UnmatchedCost);
        _flow.Run();

        MentorOf = Enumerable.Repeat(-1, mentees).ToArray();
        var chosenCost = new long[mentees];
        for (var slot = 0; slot < edges.Count; slot++)
        {
            if (_flow.Carries(slot))
                (MentorOf[edges[edgeAt[slot]].Mentee], chosenCost[edges[edgeAt[slot]].Mentee]) = (edges[edgeAt[slot]].Mentor, edgeCost[slot]);
        }
        _menteeDual = [.. Enumerable.Range(0, mentees).Select(m => MenteeDualOf(m, chosenCost[m]))];
    }

    public ScoreUnits Units { get; }

    /// <summary>For each mentee, the index of its mentor, or −1.</summary>
    public int[] MentorOf { get; }

    /// <summary>Solves for the assignment only.</summary>
    public static AssignmentGraph Solve(int mentees, int[] mentorCapacity, IReadOnlyList<CandidateEdge> edges) =>
        new(mentees, mentorCapacity, edges, trueCapacities: false);

    /// <summary>Solves with every mentor's true capacity, so that the duals also hold for pairs left out of the graph.</summary>
    public static AssignmentGraph SolveWithDuals(int mentees, int[] mentorCapacity, IReadOnlyList<CandidateEdge> edges) =>
        new(mentees, mentorCapacity, edges, trueCapacities: true);

    /// <summary>
    /// The mentee's value in the dual of the matching LP with pair weights <c>bonus + units(score)</c>:
    /// never negative, zero when unmatched. With the mentor duals it covers every pair of the graph,
    /// exactly for the pairs in the solution.
    /// </summary>
    public long MenteeDual(int mentee) => _menteeDual[Duals(mentee)];

    /// <summary>The mentor's dual value: never negative, zero when it has a free place.</summary>
    public long MentorDual(int mentor) => _menteesAsRows ? ColDual(mentor) : RowDual(mentor);

    /// <summary>
    /// How far the duals cover a pair: when zero or more for every pair left out of the graph, the solution is
    /// optimal with those pairs too (the duals stay feasible and complementary); when negative, the pair could improve it.
    /// </summary>
    public long Slack(int mentee, long mentorDual, double score) =>
        MenteeDual(mentee) + mentorDual - Units.MatchBonus - Units.Of(score);

    /// <summary>
    /// A chosen pair's edge may end with a negative reduced cost (its reverse edge is what must not be negative), which
    /// the matching LP has no room for. A mentee has one unit and one chosen edge, so its potential can be moved until
    /// that edge's reduced cost is zero: every other edge at the mentee only gains slack. Then the duals satisfy
    /// <c>u + v ≥ bonus + weight</c> on every pair of the graph, with equality on the chosen ones.
    /// </summary>
    private long MenteeDualOf(int mentee, long chosenCost)
    {
        if (!_trueCapacities)
            return 0;
        if (MentorOf[mentee] < 0)
            return _menteesAsRows ? RowDual(mentee) : ColDual(mentee);
        var mentorPotential = _menteesAsRows ? _flow.ColPotential(MentorOf[mentee]) : _flow.RowPotential(MentorOf[mentee]);
        return _menteesAsRows
            ? Math.Max(0, Units.UnmatchedCost + mentorPotential - chosenCost)
            : -(chosenCost + mentorPotential);
    }

    // Row units reach their "unmatched" outlet at cost UnmatchedCost; a row whose outlet is in use has dual zero.
    private long RowDual(int row) => Math.Max(0, Units.UnmatchedCost + _flow.RowPotential(Duals(row)));

    private long ColDual(int col) => -_flow.ColPotential(Duals(col));

    private int Duals(int node) =>
        _trueCapacities ? node : throw new InvalidOperationException("Duals need a graph solved with true capacities.");

    private int Row(CandidateEdge edge) => _menteesAsRows ? edge.Mentee : edge.Mentor;
}
