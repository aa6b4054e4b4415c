namespace MentorBot.Bot.Features.Announcements;

/// <summary>The "Announcements" section: how broadcasts are written to the outbox and how their progress is shown.</summary>
public sealed class AnnouncementsOptions
{
    public const string Section = "Announcements";

    /// <summary>Recipients written to the outbox per transaction; the bot answers others between batches.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the broadcast job starts scheduled broadcasts, writes recipients and updates progress.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The coordinator's progress message is edited at most this often.</summary>
    public TimeSpan ProgressEditInterval { get; set; } = TimeSpan.FromSeconds(5);
}
