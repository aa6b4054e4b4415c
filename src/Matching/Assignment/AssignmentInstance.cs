namespace MentorBot.Matching.Assignment;

/// <summary>An assignment problem given by explicit pair scores, as the <c>solve</c> command reads it.</summary>
public sealed record AssignmentInstance(
    IReadOnlyList<string> Mentees,
    IReadOnlyList<MentorSeats> Mentors,
    IReadOnlyList<ScoredPair> Pairs);

/// <summary>A mentor and how many mentees it may take.</summary>
public readonly record struct MentorSeats(string Id, int Capacity);

/// <summary>A pair that may be used, with its score in (0, 1].</summary>
public readonly record struct ScoredPair(string Mentee, string Mentor, double Score);

/// <summary>An optimal assignment: as many mentees matched as possible, then the largest total score.</summary>
public sealed record AssignmentResult(int Matched, double Total, IReadOnlyList<ScoredPair> Assignments);
