using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Features.Networking;

/// <summary>The "Networking" section's rules: when peer rounds happen, and the limits on partners and introductions.</summary>
public sealed class NetworkingOptionsRules : OptionsRules<NetworkingOptions>
{
    protected override IEnumerable<string> Problems(NetworkingOptions networking)
    {
        if (!IsKnownTimeZone(networking.PeerRoundTimeZone))
        {
            yield return "Networking:PeerRoundTimeZone is not a known IANA time zone.";
        }
        if (!Enum.IsDefined(networking.PeerRoundDay))
        {
            yield return "Networking:PeerRoundDay must be a day of the week, such as Monday.";
        }
        if (networking.PeerFollowUpAfter <= TimeSpan.Zero)
        {
            yield return "Networking:PeerFollowUpAfter must be positive.";
        }
        if (networking.PeerRecentPartners < 0)
        {
            yield return "Networking:PeerRecentPartners must not be negative.";
        }
        if (networking.PeerHistoryRounds < 1)
        {
            yield return "Networking:PeerHistoryRounds must be at least 1.";
        }
        if (networking.MaxPendingIntroductions < 1)
        {
            yield return "Networking:MaxPendingIntroductions must be at least 1.";
        }
    }
}
