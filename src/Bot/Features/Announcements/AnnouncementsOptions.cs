namespace MentorBot.Bot.Features.Announcements;

/// <summary>The "Announcements" section: how broadcasts are written to the outbox and how their progress is shown.</summary>
public sealed class AnnouncementsOptions
{
    public const string Section = "Announcements";

    /// <summary>Recipients written to the outbox per transaction; the bot answers others between batches.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>While a broadcast is being sent: how often the broadcast job writes recipients and updates progress.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// With nothing being sent, how often the job looks anyway. It is woken when an announcement is saved and at the
    /// time a scheduled one is due, so this only recovers what nothing announced: one saved on another instance, or
    /// one whose wake-up a restart lost.
    /// </summary>
    public TimeSpan IdleTickInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The coordinator's progress message is edited at most this often.</summary>
    public TimeSpan ProgressEditInterval { get; set; } = TimeSpan.FromSeconds(5);
}
