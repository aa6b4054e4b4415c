using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Schools;

public sealed class SchoolsOptionsRulesTests
{
    /// <summary>The problems of the defaults with one setting of the "Schools" section as configured.</summary>
    private static IEnumerable<string> Problems(string key, string value) =>
        OptionsRulesProbe.Problems(new SchoolsOptionsRules(), SchoolsOptions.Section, (key, value));

    [Fact]
    public void The_defaults_and_the_limits_themselves_are_valid()
    {
        Assert.True(new SchoolsOptionsRules().Validate(null, new SchoolsOptions()).Succeeded);
        Assert.Empty(Problems("MaxFileBytes", "1024"));
        Assert.Empty(Problems("MaxFileBytes", "20971520"));
        Assert.Empty(Problems("MaxRows", "1"));
    }

    [Theory]
    [InlineData("MaxFileBytes", "1023", "Schools:MaxFileBytes must be at least 1024.")]
    [InlineData("MaxFileBytes", "20971521", "Schools:MaxFileBytes must be at most 20971520: bots cannot download larger files from Telegram.")]
    [InlineData("MaxRows", "0", "Schools:MaxRows must be at least 1.")]
    public void A_wrong_value_is_one_problem_naming_its_key(string key, string value, string problem)
    {
        Assert.Equal([problem], Problems(key, value));
    }
}
