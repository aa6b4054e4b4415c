namespace MentorBot.Bot.Features.DesignatedPairs;

public enum DesignatedPairStatus
{
    /// <summary>One of the two schools' directors is not registered yet (a flagship also waits for approval).</summary>
    Waiting,
    /// <summary>Both directors were asked to confirm.</summary>
    Proposed,
    /// <summary>Both confirmed: the partnership opened.</summary>
    Started,
    /// <summary>One side declined; the young director is free for the usual matching.</summary>
    Declined,
    /// <summary>The pair could not start (no free place, or the young director has a mentor already).</summary>
    Released,
    /// <summary>A later list of the coordinator's no longer has the pair.</summary>
    Withdrawn,
}

public enum PairSide
{
    Mentor,
    Mentee,
}

/// <summary>A flagship school designated by the forum's resolution to support a young director's school of the same district.</summary>
public sealed record DesignatedPair(
    long Id,
    string District,
    string FlagshipNumber,
    string YoungNumber,
    DesignatedPairStatus Status,
    long? MentorId,
    long? MenteeId,
    bool MentorConfirmed,
    bool MenteeConfirmed,
    PairSide? DeclinedBy,
    long? PartnershipId)
{
    /// <summary>Waiting or proposed: the pair still holds the young director and a place of the flagship.</summary>
    public bool IsLive => Status is DesignatedPairStatus.Waiting or DesignatedPairStatus.Proposed;

    public PairSide? SideOf(long userId) => userId == MentorId ? PairSide.Mentor : userId == MenteeId ? PairSide.Mentee : null;
}

/// <summary>A pair with the registered directors of its two schools, when there are any.</summary>
public sealed record DesignatedPairView(DesignatedPair Pair, long? FlagshipUserId, long? YoungUserId);
