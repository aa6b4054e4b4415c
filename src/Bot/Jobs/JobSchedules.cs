using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>
/// Every recurring job of the bot, in one place. Each runs once when the bot has started, then at its interval. The
/// broadcast job's interval is its idle one: it is also woken when there is work (<see cref="BroadcastWakeUp"/>) and,
/// while a broadcast is being sent, runs again after each tick.
/// </summary>
public static class JobSchedules
{
    public const string ReminderSweep = "reminder-sweep";
    public const string DigestPlanning = "digest-planning";
    public const string Broadcasts = "broadcasts";
    public const string Housekeeping = "housekeeping";
    public const string MonthlyReportPlanning = "monthly-report-planning";

    public static IQuartzBuilder AddJobSchedules(this IQuartzBuilder quartz) => quartz
        .Every<ReminderSweepJob>(ReminderSweep, provider => Reminders(provider).SweepInterval)
        .Every<DigestPlanningJob>(DigestPlanning, provider => Reminders(provider).DigestPlanningInterval)
        .Every<BroadcastJob>(Broadcasts, provider => provider.GetRequiredService<IOptions<AnnouncementsOptions>>().Value.IdleTickInterval)
        .Every<HousekeepingJob>(Housekeeping, _ => HousekeepingJob.Interval)
        .Every<MonthlyReportPlanningJob>(MonthlyReportPlanning, provider => Reminders(provider).DigestPlanningInterval);

    /// <summary>
    /// Schedules <typeparamref name="TJob"/> under <paramref name="name"/> every <paramref name="interval"/>. Quartz only
    /// decides when a job wakes; the job reads the time from TimeProvider.
    /// </summary>
    public static IQuartzBuilder Every<TJob>(this IQuartzBuilder quartz, string name, Func<IServiceProvider, TimeSpan> interval)
        where TJob : class, IJob
    {
        quartz.ScheduleJob<TJob>(
            (provider, trigger) => trigger
                .WithIdentity(name)
                .StartNow()
                // After a long pause (a suspended machine) the job runs once, not once per missed interval.
                .WithSimpleSchedule(s => s.WithInterval(interval(provider)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            (_, job) => job.WithIdentity(name));
        return quartz;
    }

    private static RemindersOptions Reminders(IServiceProvider provider) => provider.GetRequiredService<IOptions<RemindersOptions>>().Value;
}
