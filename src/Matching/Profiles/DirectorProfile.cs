namespace MentorBot.Matching.Profiles;

/// <summary>
/// What the engine knows about one director. Young directors fill <see cref="Deficits"/> and <see cref="Offers"/>;
/// flagships fill <see cref="Strengths"/>, <see cref="WantsToLearn"/>, <see cref="Capacity"/> and <see cref="CurrentLoad"/>.
/// All code lists hold taxonomy codes such as <c>legal</c> or <c>team</c>.
/// </summary>
public sealed record DirectorProfile
{
    public required string Id { get; init; }
    public required DirectorRole Role { get; init; }
    public required string District { get; init; }
    public required string Region { get; init; }
    public GeoPoint? Location { get; init; }
    public SettlementKind Settlement { get; init; }
    public SchoolSize Size { get; init; }
    public SchoolStatus Status { get; init; }

    /// <summary>The young director's deficits, the most pressing first.</summary>
    public IReadOnlyList<string> Deficits { get; init; } = [];

    /// <summary>The flagship's strengths; order does not matter.</summary>
    public IReadOnlyList<string> Strengths { get; init; } = [];

    /// <summary>What the young director can give back; order does not matter.</summary>
    public IReadOnlyList<string> Offers { get; init; } = [];

    /// <summary>What the flagship would like to learn; order does not matter.</summary>
    public IReadOnlyList<string> WantsToLearn { get; init; } = [];

    /// <summary>How many young directors the flagship is willing to mentor at once.</summary>
    public int Capacity { get; init; }

    /// <summary>How many partnerships the flagship already runs.</summary>
    public int CurrentLoad { get; init; }
}

public enum DirectorRole
{
    Young,
    Flagship,
}

public enum SettlementKind
{
    Unknown,
    Rural,
    Urban,
}

public enum SchoolSize
{
    Unknown,
    Small,
    Medium,
    Large,
}

/// <summary>The school's standing in the federal programmes for struggling schools.</summary>
public enum SchoolStatus
{
    None,

    /// <summary>ШНОР: a school with low educational results.</summary>
    LowResults,

    /// <summary>ШФНСУ: a school working in unfavourable social conditions.</summary>
    UnfavourableConditions,
}
