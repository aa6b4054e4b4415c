using MentorBot.Matching.Proposals;

namespace MentorBot.Matching.Candidates;

/// <summary>How many flagships passed each hard constraint for one young director, to say why none fit.</summary>
internal readonly record struct CandidateTally(
    bool HasDeficits,
    int InReach,
    int InReachWithPlaces,
    int Covering,
    int CoveringWithPlaces,
    int Eligible)
{
    /// <summary>The first obstacle, or <see cref="UnmatchedCause.PlacesTaken"/> when there were eligible flagships.</summary>
    public UnmatchedCause Obstacle =>
        !HasDeficits ? UnmatchedCause.NoDeficits
        : InReach == 0 ? UnmatchedCause.NoFlagships
        : InReachWithPlaces == 0 ? UnmatchedCause.NoFreePlaces
        : Covering == 0 ? UnmatchedCause.NoCoverage
        : CoveringWithPlaces == 0 ? UnmatchedCause.CoveringFlagshipsFull
        : Eligible == 0 ? UnmatchedCause.DeclinedOrExcluded
        : UnmatchedCause.PlacesTaken;
}
