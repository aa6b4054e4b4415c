namespace MentorBot.Bot.Reminders;

/// <summary>The "Reminders" section: when people may be written to, how the sweeper works, and the cadences.</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Local time at which quiet hours begin; nothing is sent from then until <see cref="QuietHoursEnd"/>.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(9, 0);
    /// <summary>IANA zone for a recipient whose district is unknown (a coordinator without districts, say).</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";

    /// <summary>How often Quartz wakes the sweeper; a reminder goes out at most this long after it falls due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a claimed reminder is reserved for one sweep; after that another sweep may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);
    public int SweepBatchSize { get; set; } = 50;
    /// <summary>Claims of one reminder before it is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>A reminder delivered later than this after its time says it is late.</summary>
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromHours(1);

    // Cadences; each feature reads its own when it schedules.
    /// <summary>A pending request nudges the flagship after this long.</summary>
    public TimeSpan RequestNudgeAfter { get; set; } = TimeSpan.FromHours(48);
    /// <summary>A request still unanswered after this long expires, and the mentee is offered the next candidate.</summary>
    public TimeSpan RequestExpiryAfter { get; set; } = TimeSpan.FromHours(72);
    public TimeSpan MeetingFirstReminderBefore { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan MeetingLastReminderBefore { get; set; } = TimeSpan.FromHours(1);
    public int CheckInEveryMonths { get; set; } = 1;
    /// <summary>One follow-up when a check-in prompt is not answered.</summary>
    public TimeSpan CheckInFollowUpAfter { get; set; } = TimeSpan.FromDays(3);
    /// <summary>Both sides are asked to prolong or close this long before the agreement ends.</summary>
    public TimeSpan ProlongationBeforeEnd { get; set; } = TimeSpan.FromDays(30);
    /// <summary>A partnership with no meeting, plan change or check-in for this long is stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(45);
    /// <summary>Those who will attend an event are reminded this long before it.</summary>
    public TimeSpan EventReminderBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A plan item's status change is told to the partner this long after the last of a burst of changes, with the
    /// status it ended at; nothing when it ended where it started.
    /// </summary>
    public TimeSpan PlanChangeNoticeAfter { get; set; } = TimeSpan.FromMinutes(2);

    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;
    public TimeOnly DigestTime { get; set; } = new(9, 0);
    /// <summary>How often every coordinator is checked for a digest planned for the coming week.</summary>
    public TimeSpan DigestPlanningInterval { get; set; } = TimeSpan.FromHours(1);
}
