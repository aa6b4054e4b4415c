using System.Numerics;

namespace MentorBot.Matching.Assignment;

/// <summary>
/// Scores as whole numbers, so that the solver compares sums exactly: a score becomes round(score · 2^bits).
/// With 40 bits two pairs whose scores differ by more than about 10^-12 are never confused.
/// The bits shrink for very large instances so that no path length can overflow.
/// </summary>
internal sealed class ScoreUnits
{
    public ScoreUnits(int rowUnits)
    {
        // The unmatched cost (rowUnits + 1) · scale stays below 2^57, leaving room for sums of a few of them.
        var bits = Math.Min(40, 56 - BitOperations.Log2((ulong)rowUnits + 1));
        Scale = 1L << bits;
        UnmatchedCost = (rowUnits + 1L) * Scale;
    }

    /// <summary>The units of a score of 1.</summary>
    public long Scale { get; }

    /// <summary>More than any possible sum of edge costs, so leaving a unit unmatched is never worth it.</summary>
    public long UnmatchedCost { get; }

    /// <summary>
    /// What one more match is worth beyond its score in the network's objective, <c>UnmatchedCost − Scale</c>:
    /// more than any sum of scores of one matching.
    /// </summary>
    public long MatchBonus => UnmatchedCost - Scale;

    public long Of(double score) => Math.Clamp((long)Math.Round(score * Scale), 0, Scale);

    /// <summary>An edge's cost: the score it gives up against a perfect pair; never negative.</summary>
    public long Cost(long weight) => Scale - weight;
}
