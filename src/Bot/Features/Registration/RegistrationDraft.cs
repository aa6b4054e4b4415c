using System.Text.Json.Serialization;
using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Features.Registration;

/// <summary>What the registration dialog has gathered so far. Persisted after every answer.</summary>
public sealed record RegistrationDraft
{
    public DirectorRole Role { get; init; }
    /// <summary>An invite that makes the finished flagship profile approved at once.</summary>
    public string? InviteCode { get; init; }
    /// <summary>Set when an existing profile is being edited: the one field being changed.</summary>
    public ProfileField? EditField { get; init; }
    public string? FullName { get; init; }
    public string? Position { get; init; }
    public string? School { get; init; }
    /// <summary>The registry school chosen, when it was; kept through edits of other fields.</summary>
    public string? SchoolNumber { get; init; }
    /// <summary>What the director typed at the school step while they choose among the registry's matches.</summary>
    public string? SchoolTyped { get; init; }
    public IReadOnlyList<RegistrySchoolChoice> SchoolChoices { get; init; } = [];
    public string? District { get; init; }
    public string? Settlement { get; init; }
    public SettlementKind? SettlementKind { get; init; }
    public SizeBand? SizeBand { get; init; }
    public SchoolStatus? SchoolStatus { get; init; }
    public int? YearsAsDirector { get; init; }
    /// <summary>Chosen deficits; <see cref="DeficitOrder"/> holds them by priority once ranked.</summary>
    public IReadOnlyList<string> Deficits { get; init; } = [];
    public IReadOnlyList<string> DeficitOrder { get; init; } = [];
    public IReadOnlyList<string> Offers { get; init; } = [];
    public IReadOnlyList<string> Strengths { get; init; } = [];
    public IReadOnlyList<string> WantsToLearn { get; init; } = [];
    public int? Capacity { get; init; }
    public string? Note { get; init; }

    public static RegistrationDraft From(DirectorProfile profile, ProfileField field) => new()
    {
        Role = profile.Role,
        EditField = field,
        FullName = profile.FullName,
        Position = profile.Position,
        School = profile.School,
        SchoolNumber = profile.SchoolNumber,
        District = profile.District,
        Settlement = profile.Settlement,
        SettlementKind = profile.SettlementKind,
        SizeBand = profile.SizeBand,
        SchoolStatus = profile.SchoolStatus,
        YearsAsDirector = profile.YearsAsDirector,
        Deficits = profile.Deficits,
        DeficitOrder = profile.Deficits,
        Offers = profile.Offers,
        Strengths = profile.Strengths,
        WantsToLearn = profile.WantsToLearn,
        Capacity = profile.Capacity,
        Note = profile.Note,
    };

    /// <summary>The profile this draft describes; null until every required answer is in.</summary>
    public DirectorProfile? ToProfile(long userId, ProfileStatus status, string? username, DateTimeOffset createdAt, DateTimeOffset now)
    {
        if (FullName is null || Position is null || School is null || District is null || Settlement is null
            || SettlementKind is not { } kind || SizeBand is not { } size || SchoolStatus is not { } schoolStatus || YearsAsDirector is not { } years)
        {
            return null;
        }
        var young = Role == DirectorRole.Young;
        if (young ? DeficitOrder.Count == 0 : Strengths.Count == 0 || Capacity is null)
        {
            return null;
        }
        return new DirectorProfile
        {
            UserId = userId,
            Role = Role,
            Status = status,
            FullName = FullName,
            Position = Position,
            School = School,
            SchoolNumber = SchoolNumber,
            District = District,
            Settlement = Settlement,
            SettlementKind = kind,
            SizeBand = size,
            SchoolStatus = schoolStatus,
            YearsAsDirector = years,
            Capacity = young ? 0 : Capacity ?? 1,
            Note = Note ?? "",
            Username = username,
            Deficits = young ? DeficitOrder : [],
            Offers = young ? Offers : [],
            Strengths = young ? [] : Strengths,
            WantsToLearn = young ? [] : WantsToLearn,
            CreatedAt = createdAt,
            UpdatedAt = now,
        };
    }
}

/// <summary>A registry school offered at the school step: its district, number and the label of its button.</summary>
public sealed record RegistrySchoolChoice(string District, string Number, string Label);

/// <summary>A field of the profile that /profile can change; each maps to the dialog steps that ask it.</summary>
public enum ProfileField
{
    FullName,
    Position,
    School,
    District,
    Settlement,
    SettlementKind,
    SizeBand,
    SchoolStatus,
    Years,
    Deficits,
    Offers,
    Strengths,
    Capacity,
    WantsToLearn,
    Note,
}

[JsonSerializable(typeof(RegistrationDraft))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class RegistrationJsonContext : JsonSerializerContext;
