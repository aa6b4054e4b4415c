using System.Text.Json.Serialization;

namespace MentorBot.Bot.Features.Networking;

/// <summary>A practice being written; the school starts as the author's own.</summary>
public sealed record PracticeDraft
{
    public required string School { get; init; }
    public required string District { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Codes { get; init; } = [];
    public string? Description { get; init; }
    public string? Link { get; init; }
}

public sealed record PracticeRejectionDraft(long PracticeId, string Title, string? Reason = null);

/// <summary>A director a coordinator may choose as an internship site's host, as the button shows them.</summary>
public sealed record HostCandidate(long UserId, string Label);

/// <summary>A new internship site; the districts come from the coordinator's scope and are checked again at the end.</summary>
public sealed record SiteDraft
{
    public required IReadOnlyList<string> AllowedDistricts { get; init; }
    public IReadOnlyList<HostCandidate> Candidates { get; init; } = [];
    public long? HostId { get; init; }
    public string? School { get; init; }
    public string? District { get; init; }
    public string? Theme { get; init; }
    public IReadOnlyList<string> Codes { get; init; } = [];
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
}

public sealed record ForumLinkDraft(IReadOnlyList<string> AllowedDistricts, string? Role = null, string? District = null, int? Days = null);

[JsonSerializable(typeof(PracticeDraft))]
[JsonSerializable(typeof(PracticeRejectionDraft))]
[JsonSerializable(typeof(SiteDraft))]
[JsonSerializable(typeof(ForumLinkDraft))]
internal sealed partial class NetworkingJsonContext : JsonSerializerContext;
