using MentorBot.Bot.Operations;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.AspNetCore;

namespace MentorBot.Bot.Jobs;

public static class JobsHostingExtensions
{
    /// <summary>Quartz with the jobs of <see cref="JobSchedules"/>, and the reminders they deliver.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.AddReminders();
        builder.Services.AddBotScheduler(quartz =>
        {
            quartz.AddJobSchedules();
            // Reminders and broadcasts stop when the scheduler does, so a stopped scheduler makes the bot not ready.
            quartz.AddQuartzHealthChecks(check => check.Tags.Add(HealthServer.ReadinessTag));
        });
        return builder;
    }

    /// <summary>
    /// The scheduler as the bot runs it: each run of a job in a DI scope of its own, only on the primary instance, and a
    /// stop that asks running jobs to finish (their cancellation token fires) and waits for them. The store is in
    /// memory: jobs hold no state of their own, since what is due lives in our tables.
    /// </summary>
    public static IServiceCollection AddBotScheduler(this IServiceCollection services, Action<IQuartzBuilder> schedules)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UseInMemoryStore();
            quartz.UseDefaultThreadPool(4);
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            quartz.AddJobMiddleware<PrimaryInstanceJobMiddleware>();
            schedules(quartz);
        });
        return services.AddQuartzHostedService(hosting => hosting.WaitForJobsToComplete = true);
    }
}
