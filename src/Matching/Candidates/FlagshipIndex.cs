using System.Numerics;
using MentorBot.Matching.Scoring;

namespace MentorBot.Matching.Candidates;

/// <summary>
/// Flagships grouped by region (or all in one group when regions may be crossed) and, within a group, by strength.
/// A young director's candidates are the union of the lists for its deficits, so flagships that cover
/// nothing are never even looked at.
/// </summary>
internal sealed class FlagshipIndex
{
    private readonly Dictionary<int, FlagshipGroup> _byRegion = [];
    private readonly FlagshipGroup? _everyone;

    public FlagshipIndex(IReadOnlyList<DirectorFacts> flagships, IReadOnlyList<int> freePlaces, bool acrossRegions)
    {
        if (acrossRegions)
        {
            _everyone = new FlagshipGroup(Enumerable.Range(0, flagships.Count), flagships, freePlaces);
            return;
        }
        foreach (var region in Enumerable.Range(0, flagships.Count).GroupBy(f => flagships[f].Region))
            _byRegion.Add(region.Key, new FlagshipGroup(region, flagships, freePlaces));
    }

    public IEnumerable<FlagshipGroup> Groups => _everyone is { } all ? [all] : _byRegion.Values;

    /// <summary>The flagships within the young director's reach.</summary>
    public FlagshipGroup For(DirectorFacts mentee) =>
        _everyone ?? _byRegion.GetValueOrDefault(mentee.Region) ?? FlagshipGroup.Empty;
}

/// <summary>Flagships within one reach, in id order, with a list per strength bit.</summary>
internal sealed class FlagshipGroup
{
    public static readonly FlagshipGroup Empty = new([], [], []);

    private readonly int[][] _byStrength = new int[64][];

    public FlagshipGroup(IEnumerable<int> members, IReadOnlyList<DirectorFacts> flagships, IReadOnlyList<int> freePlaces)
    {
        Members = [.. members];
        WithFreePlaces = Members.Count(f => freePlaces[f] > 0);
        for (var bit = 0; bit < 64; bit++)
            _byStrength[bit] = [.. Members.Where(f => (flagships[f].StrengthMask & (1UL << bit)) != 0)];
    }

    public int[] Members { get; }
    public int WithFreePlaces { get; }

    public int[] WithStrength(ulong bit) => _byStrength[BitOperations.TrailingZeroCount(bit)];
}
