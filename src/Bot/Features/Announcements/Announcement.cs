using System.Text.Json.Serialization;

namespace MentorBot.Bot.Features.Announcements;

public enum AnnouncementKind
{
    Forum,
    Internship,
    Seminar,
    Webinar,
    MasterClass,
    Other,
}

public enum AnnouncementStatus
{
    /// <summary>Waits for its send time.</summary>
    Scheduled,
    /// <summary>Its recipients are being written to the outbox, or their messages delivered.</summary>
    Sending,
    /// <summary>Every recipient's message is delivered or given up; the counts are final.</summary>
    Sent,
    Cancelled,
}

/// <summary>Who is addressed by role; a group of another feature replaces roles, districts and deficits.</summary>
public enum AudienceRole
{
    Young,
    Flagships,
    Everyone,
}

public enum RsvpAnswer
{
    Yes,
    No,
}

/// <summary>
/// Who an announcement goes to: active young directors and/or approved flagships in <see cref="Districts"/>, and when
/// <see cref="Deficits"/> is not empty only those who declared one of them (a young director's deficits, a flagship's
/// wishes to learn). With a <see cref="Group"/>, its members instead (an internship programme's participants, say).
/// </summary>
public sealed record AnnouncementAudience
{
    public AudienceRole Role { get; init; }
    public IReadOnlyList<string> Districts { get; init; } = [];
    public IReadOnlyList<string> Deficits { get; init; } = [];
    public AudienceGroup? Group { get; init; }
}

/// <summary>A group of people that a feature keeps and offers as an audience; <see cref="District"/> decides who may address it.</summary>
public sealed record AudienceGroup(string Source, long Id, string Label, string District);

/// <summary>An announcement as stored: the event, its audience and where its broadcast stands.</summary>
public sealed record Announcement
{
    public long Id { get; init; }
    public long? CoordinatorId { get; init; }
    public AnnouncementKind Kind { get; init; }
    public string Title { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>The IANA zone the date was typed in, in which every reader is shown it.</summary>
    public string TimeZone { get; init; } = "";
    public string Place { get; init; } = "";
    public string Description { get; init; } = "";
    public AnnouncementAudience Audience { get; init; } = new();
    public AnnouncementStatus Status { get; init; }
    public DateTimeOffset SendAt { get; init; }
    public long EnqueuedThrough { get; init; }
    public DateTimeOffset? EnqueuedAt { get; init; }
    public int Recipients { get; init; }
    public long? ProgressOutboxId { get; init; }
    public int ProgressDone { get; init; }
    public DateTimeOffset? ProgressEditedAt { get; init; }
    public BroadcastCounts? Final { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Where a broadcast's outbox rows stand.</summary>
public sealed record BroadcastCounts(int Pending, int Delivered, int Blocked, int Failed)
{
    public int Total => Pending + Delivered + Blocked + Failed;
    public int Done => Delivered + Blocked + Failed;
}

[JsonSerializable(typeof(AnnouncementAudience))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class AnnouncementJsonContext : JsonSerializerContext;
