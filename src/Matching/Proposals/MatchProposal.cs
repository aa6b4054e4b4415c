namespace MentorBot.Matching.Proposals;

/// <summary>A coordinator's run: who mentors whom and why, who is left without a mentor and why.</summary>
/// <param name="Pairs">Sorted by young director's id; pinned pairs included and marked.</param>
/// <param name="Unmatched">Sorted by id, each with a reason.</param>
public sealed record MatchProposal(
    IReadOnlyList<ProposedPair> Pairs,
    IReadOnlyList<UnmatchedMentee> Unmatched,
    PruningReport Pruning)
{
    public double TotalScore => Pairs.Sum(p => p.Score);
}

/// <param name="Reason">Why this flagship, in Russian, e.g. «закрывает 2 из 3 ваших дефицитов: …; тот же район».</param>
/// <param name="Pinned">Set by a coordinator rather than chosen by the engine.</param>
public sealed record ProposedPair(string MenteeId, string MentorId, double Score, string Reason, bool Pinned);

public sealed record UnmatchedMentee(string MenteeId, UnmatchedCause Cause, string Reason);
