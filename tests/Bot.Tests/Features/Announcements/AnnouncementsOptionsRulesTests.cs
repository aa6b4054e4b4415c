using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Announcements;

public sealed class AnnouncementsOptionsRulesTests
{
    /// <summary>The problems of the defaults with the given settings of the "Announcements" section as configured.</summary>
    private static IEnumerable<string> Problems(params (string Key, string Value)[] settings) =>
        OptionsRulesProbe.Problems(new AnnouncementsOptionsRules(), AnnouncementsOptions.Section, settings);

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new AnnouncementsOptionsRules().Validate(null, new AnnouncementsOptions()).Succeeded);
        Assert.Empty(Problems(("ProgressEditInterval", "00:00:00")));
        Assert.Empty(Problems(("TickInterval", "00:00:30"), ("IdleTickInterval", "00:00:30")));
    }

    [Theory]
    [InlineData("BatchSize", "0", "Announcements:BatchSize must be positive.")]
    [InlineData("TickInterval", "-00:00:01", "Announcements:TickInterval must be positive.")]
    [InlineData("ProgressEditInterval", "-00:00:01", "Announcements:ProgressEditInterval must not be negative.")]
    [InlineData("IdleTickInterval", "00:00:01", "Announcements:IdleTickInterval must not be shorter than Announcements:TickInterval.")]
    public void A_wrong_value_is_one_problem_naming_its_key(string key, string value, string problem)
    {
        Assert.Equal([problem], Problems((key, value)));
    }

    [Fact]
    public void A_zero_tick_is_named_once_even_though_the_idle_tick_is_longer()
    {
        Assert.Equal(["Announcements:TickInterval must be positive."], Problems(("TickInterval", "00:00:00")));
    }
}
