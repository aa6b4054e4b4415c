namespace MentorBot.Matching;

/// <summary>A young director (the mentee) and a flagship (the mentor), by profile id.</summary>
public readonly record struct DirectorPair(string MenteeId, string MentorId);

/// <summary>What a coordinator and the history of requests impose on a run.</summary>
public sealed record MatchingConstraints
{
    public static MatchingConstraints None { get; } = new();

    /// <summary>Pairs where one side declined: never proposed again.</summary>
    public IReadOnlyCollection<DirectorPair> Declined { get; init; } = [];

    /// <summary>Pairs a coordinator ruled out.</summary>
    public IReadOnlyCollection<DirectorPair> Excluded { get; init; } = [];

    /// <summary>Pairs a coordinator fixed: always in the proposal, and they take a place of the flagship's capacity.</summary>
    public IReadOnlyCollection<DirectorPair> Pinned { get; init; } = [];

    /// <summary>Whether a young director may be paired with a flagship of another region.</summary>
    public bool AllowCrossRegion { get; init; }
}
