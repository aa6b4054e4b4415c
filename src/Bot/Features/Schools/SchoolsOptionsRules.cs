using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Features.Schools;

/// <summary>The "Schools" section's rules: a registry file Telegram lets the bot download, and room for at least one row.</summary>
public sealed class SchoolsOptionsRules : OptionsRules<SchoolsOptions>
{
    /// <summary>Telegram's limit on a file a bot downloads.</summary>
    private const long TelegramDownloadLimit = 20 * 1024 * 1024;

    protected override IEnumerable<string> Problems(SchoolsOptions schools)
    {
        if (schools.MaxFileBytes < 1024)
        {
            yield return "Schools:MaxFileBytes must be at least 1024.";
        }
        if (schools.MaxFileBytes > TelegramDownloadLimit)
        {
            yield return "Schools:MaxFileBytes must be at most 20971520: bots cannot download larger files from Telegram.";
        }
        if (schools.MaxRows < 1)
        {
            yield return "Schools:MaxRows must be at least 1.";
        }
    }
}
