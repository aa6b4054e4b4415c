namespace MentorBot.Bot.Features.Mentorship;

public enum RequestStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
    /// <summary>The flagship became unavailable, so the request went back to the young director.</summary>
    Released,
    /// <summary>One side erased their data.</summary>
    Cancelled,
}

public enum RequestOrigin
{
    Mentee,
    Coordinator,
    /// <summary>A pair the forum's resolution designated, confirmed by both directors; the request only records it.</summary>
    Resolution,
}

/// <summary>A young director's request for a flagship mentor, with the engine's score and reasons for the pair.</summary>
public sealed record MentorRequest(
    long Id,
    long MenteeId,
    long MentorId,
    RequestStatus Status,
    RequestOrigin Origin,
    long? ProposedBy,
    double Score,
    string Reason,
    string? DeclineReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt);

public enum PartnershipStatus
{
    Active,
    Completed,
    EndedEarly,
}

/// <summary>A one-year agreement between a young director and a flagship; the goals are the mentee's deficits.</summary>
public sealed record Partnership(
    long Id,
    long MenteeId,
    long MentorId,
    long RequestId,
    PartnershipStatus Status,
    IReadOnlyList<string> Goals,
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool? MenteeProlongs,
    bool? MentorProlongs,
    string? EndReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt)
{
    public bool IsPartner(long userId) => userId == MenteeId || userId == MentorId;

    public long OtherSide(long userId) => userId == MenteeId ? MentorId : MenteeId;
}

public enum PlanItemStatus
{
    Planned,
    InProgress,
    Done,
}

public enum PlanItemOwner
{
    Mentee,
    Mentor,
    Both,
}

public sealed record PlanItem(long Id, long PartnershipId, string Title, PlanItemOwner Owner, DateOnly DueOn, PlanItemStatus Status);

public enum MeetingFormat
{
    Online,
    SchoolVisit,
    JointCouncil,
    Seminar,
}

public sealed record Meeting(long Id, long PartnershipId, DateTimeOffset StartsAt, MeetingFormat Format, string Note);

public sealed record Checkin(long Id, long PartnershipId, string Comment, string? MentorNote, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, int> Ratings);
