namespace MentorBot.Bot.Features.Schools;

/// <summary>The "Schools" section: the limits of a registry file.</summary>
public sealed class SchoolsOptions
{
    public const string Section = "Schools";

    /// <summary>A larger file is refused before it is downloaded.</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Data rows one file may hold: a district has at most a few hundred schools, a region a few thousand.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>A sentence naming the key for each value that cannot work; empty when all is well.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxFileBytes < 1024)
        {
            yield return "Schools:MaxFileBytes must be at least 1024.";
        }
        if (MaxFileBytes > 20 * 1024 * 1024)
        {
            yield return "Schools:MaxFileBytes must be at most 20971520: bots cannot download larger files from Telegram.";
        }
        if (MaxRows < 1)
        {
            yield return "Schools:MaxRows must be at least 1.";
        }
    }
}
