namespace MentorBot.Matching.Peers;

/// <summary>A director who opted in to this month's peer meetings.</summary>
/// <param name="CrossDistrict">Willing to meet someone from another district; a cross-district pair needs both willing.</param>
public sealed record PeerParticipant(string Id, string District, bool CrossDistrict);

/// <summary>The groups of one past round, each a pair or a trio of participant ids.</summary>
public sealed record PeerRound(IReadOnlyList<IReadOnlyList<string>> Groups);

/// <param name="Seed">Chooses among equally good pairings; the same seed and participants give the same groups.</param>
/// <param name="RecentPartnersToAvoid">How many of each person's latest partners they are not paired with again.</param>
public sealed record PeerPairingOptions(int Seed, int RecentPartnersToAvoid = 3);

/// <summary>The round: pairs, at most one trio per odd person out, and whoever could not be placed, with why.</summary>
public sealed record PeerPairingResult(IReadOnlyList<IReadOnlyList<string>> Groups, IReadOnlyList<LeftOutPeer> LeftOut);

public sealed record LeftOutPeer(string Id, LeftOutReason Reason);

public enum LeftOutReason
{
    /// <summary>Nobody else takes part this round.</summary>
    Alone,
    /// <summary>No one else in their district, and no one to meet across districts (both sides must be willing).</summary>
    NoOneInReach,
    /// <summary>Everyone they could meet is among their latest partners.</summary>
    MetEveryoneRecently,
    /// <summary>Those they could meet were all paired with others, and no pair could take them as a third.</summary>
    PartnersTaken,
}
