using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Reminders;

public sealed class RemindersOptionsRulesTests
{
    /// <summary>The problems of the defaults with one setting of the "Reminders" section as configured.</summary>
    private static IEnumerable<string> Problems(string key, string value) =>
        OptionsRulesProbe.Problems(new RemindersOptionsRules(), RemindersOptions.Section, (key, value));

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new RemindersOptionsRules().Validate(null, new RemindersOptions()).Succeeded);
        Assert.Empty(Problems("LateAfter", "00:00:00"));
        Assert.Empty(Problems("PlanChangeNoticeAfter", "00:00:00"));
    }

    [Theory]
    [InlineData("DefaultTimeZone", "Foo/Bar", "Reminders:DefaultTimeZone is not a known IANA time zone.")]
    [InlineData("DefaultTimeZone", "", "Reminders:DefaultTimeZone is not a known IANA time zone.")]
    [InlineData("SweepInterval", "00:00:00", "Reminders:SweepInterval must be positive.")]
    [InlineData("LeaseDuration", "-00:01:00", "Reminders:LeaseDuration must be positive.")]
    [InlineData("LateAfter", "-00:00:01", "Reminders:LateAfter must not be negative.")]
    [InlineData("SweepBatchSize", "0", "Reminders:SweepBatchSize must be positive.")]
    [InlineData("MaxAttempts", "-1", "Reminders:MaxAttempts must be positive.")]
    [InlineData("PlanChangeNoticeAfter", "-00:00:01", "Reminders:PlanChangeNoticeAfter must not be negative.")]
    [InlineData("DigestDay", "7", "Reminders:DigestDay must be a day of the week, such as Monday.")]
    public void A_wrong_value_is_one_problem_naming_its_key(string key, string value, string problem)
    {
        Assert.Equal([problem], Problems(key, value));
    }
}
