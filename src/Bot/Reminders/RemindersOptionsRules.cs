using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Reminders;

/// <summary>The "Reminders" section's rules: a known default time zone, a sweeper that can run, and a real digest day.</summary>
public sealed class RemindersOptionsRules : OptionsRules<RemindersOptions>
{
    protected override IEnumerable<string> Problems(RemindersOptions reminders)
    {
        if (!IsKnownTimeZone(reminders.DefaultTimeZone))
        {
            yield return "Reminders:DefaultTimeZone is not a known IANA time zone.";
        }
        if (reminders.SweepInterval <= TimeSpan.Zero)
        {
            yield return "Reminders:SweepInterval must be positive.";
        }
        if (reminders.LeaseDuration <= TimeSpan.Zero)
        {
            yield return "Reminders:LeaseDuration must be positive.";
        }
        if (reminders.LateAfter < TimeSpan.Zero)
        {
            yield return "Reminders:LateAfter must not be negative.";
        }
        if (reminders.SweepBatchSize <= 0)
        {
            yield return "Reminders:SweepBatchSize must be positive.";
        }
        if (reminders.MaxAttempts <= 0)
        {
            yield return "Reminders:MaxAttempts must be positive.";
        }
        if (reminders.PlanChangeNoticeAfter < TimeSpan.Zero)
        {
            yield return "Reminders:PlanChangeNoticeAfter must not be negative.";
        }
        if (!Enum.IsDefined(reminders.DigestDay))
        {
            yield return "Reminders:DigestDay must be a day of the week, such as Monday.";
        }
    }
}
