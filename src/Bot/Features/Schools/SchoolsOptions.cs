namespace MentorBot.Bot.Features.Schools;

/// <summary>The "Schools" section: the limits of a registry file.</summary>
public sealed class SchoolsOptions
{
    public const string Section = "Schools";

    /// <summary>A larger file is refused before it is downloaded.</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Data rows one file may hold: a district has at most a few hundred schools, a region a few thousand.</summary>
    public int MaxRows { get; set; } = 10_000;
}
