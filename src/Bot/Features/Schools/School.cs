using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Features.Schools;

/// <summary>The standing the district gives a school in its registry.</summary>
public enum RegistryStatus
{
    Flagship,
    Young,
    LowResults,
    Other,
}

/// <summary>A school's position in degrees; the registry holds both or neither.</summary>
public readonly record struct Coordinates(double Latitude, double Longitude);

/// <summary>One school of a district's registry. <see cref="Number"/> is unique within the district.</summary>
public sealed record School(
    string Number,
    string FullName,
    string Settlement,
    SettlementKind SettlementKind,
    SizeBand SizeBand,
    RegistryStatus Status,
    Coordinates? Location,
    string? DirectorName,
    bool IsClosed = false)
{
    /// <summary>Whether the file's row says something the stored school does not (a closed school reopens).</summary>
    public IReadOnlyList<SchoolField> DifferencesFrom(School stored)
    {
        var fields = new List<SchoolField>();
        if (FullName != stored.FullName) fields.Add(SchoolField.FullName);
        if (Settlement != stored.Settlement || SettlementKind != stored.SettlementKind) fields.Add(SchoolField.Settlement);
        if (SizeBand != stored.SizeBand) fields.Add(SchoolField.Size);
        if (Status != stored.Status) fields.Add(SchoolField.Status);
        if (Location != stored.Location) fields.Add(SchoolField.Location);
        if (DirectorName != stored.DirectorName) fields.Add(SchoolField.Director);
        if (stored.IsClosed) fields.Add(SchoolField.Reopened);
        return fields;
    }
}

public enum SchoolField
{
    FullName,
    Settlement,
    Size,
    Status,
    Location,
    Director,
    Reopened,
}

/// <summary>A director whose profile names a school.</summary>
public sealed record SchoolReference(string Number, long UserId, string FullName);
