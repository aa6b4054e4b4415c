using MentorBot.Bot.Features.Networking;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class NetworkingOptionsRulesTests
{
    /// <summary>The problems of the defaults with one setting of the "Networking" section as configured.</summary>
    private static IEnumerable<string> Problems(string key, string value) =>
        OptionsRulesProbe.Problems(new NetworkingOptionsRules(), NetworkingOptions.Section, (key, value));

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new NetworkingOptionsRules().Validate(null, new NetworkingOptions()).Succeeded);
        Assert.Empty(Problems("PeerRecentPartners", "0"));
    }

    [Theory]
    [InlineData("PeerRoundTimeZone", "Europe/Atlantis", "Networking:PeerRoundTimeZone is not a known IANA time zone.")]
    [InlineData("PeerRoundDay", "9", "Networking:PeerRoundDay must be a day of the week, such as Monday.")]
    [InlineData("PeerFollowUpAfter", "00:00:00", "Networking:PeerFollowUpAfter must be positive.")]
    [InlineData("PeerRecentPartners", "-1", "Networking:PeerRecentPartners must not be negative.")]
    [InlineData("PeerHistoryRounds", "0", "Networking:PeerHistoryRounds must be at least 1.")]
    [InlineData("MaxPendingIntroductions", "0", "Networking:MaxPendingIntroductions must be at least 1.")]
    public void A_wrong_value_is_one_problem_naming_its_key(string key, string value, string problem)
    {
        Assert.Equal([problem], Problems(key, value));
    }
}
