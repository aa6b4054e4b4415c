namespace MentorBot.Bot.Features.Networking;

/// <summary>The "Networking" section: the rhythm of peer meetings and the limits on introductions.</summary>
public sealed class NetworkingOptions
{
    public const string Section = "Networking";

    /// <summary>A round is held on the first such day of each month, at <see cref="PeerRoundTime"/>.</summary>
    public DayOfWeek PeerRoundDay { get; set; } = DayOfWeek.Monday;

    /// <summary>11:00 in Moscow is between 10:00 and 20:00 everywhere from Kaliningrad to Kamchatka.</summary>
    public TimeOnly PeerRoundTime { get; set; } = new(11, 0);

    public string PeerRoundTimeZone { get; set; } = "Europe/Moscow";

    /// <summary>When each participant is asked whether they met.</summary>
    public TimeSpan PeerFollowUpAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many of each person's latest partners they are not paired with again.</summary>
    public int PeerRecentPartners { get; set; } = 3;

    /// <summary>How many past rounds are read to find those partners.</summary>
    public int PeerHistoryRounds { get; set; } = 12;

    /// <summary>Introductions one person may have waiting for an answer at once.</summary>
    public int MaxPendingIntroductions { get; set; } = 5;
}
