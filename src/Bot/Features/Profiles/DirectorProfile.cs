namespace MentorBot.Bot.Features.Profiles;

public enum DirectorRole
{
    Young,
    Flagship,
}

public enum ProfileStatus
{
    /// <summary>A young director's profile, usable at once.</summary>
    Active,
    /// <summary>A flagship waiting for a coordinator.</summary>
    Pending,
    Approved,
    Rejected,
}

public enum SettlementKind
{
    Rural,
    Urban,
}

public enum SizeBand
{
    Small,
    Medium,
    Large,
}

/// <summary>Low results (ШНОР) or unfavourable social conditions (ШФНСУ).</summary>
public enum SchoolStatus
{
    None,
    LowResults,
    Unfavourable,
}

/// <summary>A director's profile: their school, and the taxonomy codes they need, give and want.</summary>
public sealed record DirectorProfile
{
    public long UserId { get; init; }
    public DirectorRole Role { get; init; }
    public ProfileStatus Status { get; init; }
    public string FullName { get; init; } = "";
    public string Position { get; init; } = "";
    public string School { get; init; } = "";
    public string District { get; init; } = "";
    public string Settlement { get; init; } = "";
    public SettlementKind SettlementKind { get; init; }
    public SizeBand SizeBand { get; init; }
    public SchoolStatus SchoolStatus { get; init; }
    public int YearsAsDirector { get; init; }
    /// <summary>Mentees a flagship can take at once; 0 for a young director.</summary>
    public int Capacity { get; init; }
    public string Note { get; init; } = "";
    /// <summary>The Telegram @username at registration, for contact links; may be absent.</summary>
    public string? Username { get; init; }
    /// <summary>A flagship can pause taking new mentees.</summary>
    public bool IsAvailable { get; init; } = true;
    /// <summary>Most pressing first.</summary>
    public IReadOnlyList<string> Deficits { get; init; } = [];
    public IReadOnlyList<string> Strengths { get; init; } = [];
    public IReadOnlyList<string> Offers { get; init; } = [];
    public IReadOnlyList<string> WantsToLearn { get; init; } = [];
    /// <summary>The school's number in the district's registry, when the director chose it from there.</summary>
    public string? SchoolNumber { get; init; }
    /// <summary>The registry school's coordinates (read from the registry, never stored with the profile); null for a closed school.</summary>
    public Schools.Coordinates? Location { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsApprovedFlagship => Role == DirectorRole.Flagship && Status == ProfileStatus.Approved;
}
