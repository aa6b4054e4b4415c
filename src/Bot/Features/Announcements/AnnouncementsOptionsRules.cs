using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>The "Announcements" section's rules: batches that hold someone, and intervals the broadcast job can keep.</summary>
public sealed class AnnouncementsOptionsRules : OptionsRules<AnnouncementsOptions>
{
    protected override IEnumerable<string> Problems(AnnouncementsOptions announcements)
    {
        if (announcements.BatchSize <= 0)
        {
            yield return "Announcements:BatchSize must be positive.";
        }
        if (announcements.TickInterval <= TimeSpan.Zero)
        {
            yield return "Announcements:TickInterval must be positive.";
        }
        if (announcements.ProgressEditInterval < TimeSpan.Zero)
        {
            yield return "Announcements:ProgressEditInterval must not be negative.";
        }
        if (announcements.IdleTickInterval < announcements.TickInterval)
        {
            yield return "Announcements:IdleTickInterval must not be shorter than Announcements:TickInterval.";
        }
    }
}
