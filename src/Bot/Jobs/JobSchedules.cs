using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Jobs;

/// <summary>Every recurring job of the bot, in one place. Each runs once at start-up, then at its interval.</summary>
public static class JobSchedules
{
    public const string ReminderSweep = "reminder-sweep";
    public const string DigestPlanning = "digest-planning";
    public const string Broadcasts = "broadcasts";
    public const string Housekeeping = "housekeeping";
    public const string MonthlyReportPlanning = "monthly-report-planning";

    public static IServiceCollection AddJobSchedules(this IServiceCollection services)
    {
        services.AddJob<ReminderSweepJob>(ReminderSweep, provider => Reminders(provider).SweepInterval);
        services.AddJob<DigestPlanningJob>(DigestPlanning, provider => Reminders(provider).DigestPlanningInterval);
        services.AddJob<BroadcastJob>(Broadcasts, provider => provider.GetRequiredService<IOptions<AnnouncementsOptions>>().Value.TickInterval);
        services.AddJob<HousekeepingJob>(Housekeeping, _ => HousekeepingJob.Interval);
        services.AddJob<MonthlyReportPlanningJob>(MonthlyReportPlanning, provider => Reminders(provider).DigestPlanningInterval);
        return services;
    }

    private static RemindersOptions Reminders(IServiceProvider provider) => provider.GetRequiredService<IOptions<RemindersOptions>>().Value;
}
