using Microsoft.Extensions.Hosting;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>
/// Runs Quartz inside the bot: builds the scheduler with its jobs at start, and at stop asks running jobs to finish
/// (their cancellation token fires) and waits for them. The store is in memory: jobs hold no state of their own, since
/// what is due lives in our tables. Several instances sharing PostgreSQL will need Quartz's clustered ADO.NET store or
/// an advisory lock around each run; only the builder below changes.
/// </summary>
public sealed class QuartzHostedService(IEnumerable<JobSchedule> schedules, ScopedJobFactory jobFactory) : IHostedService
{
    private const string Group = "mentorbot";
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The name must be unique per process: Quartz keeps a static registry of schedulers, and tests run several bots.
        var scheduler = await SchedulerBuilder.Create()
            .WithName($"mentorbot-{Guid.NewGuid():N}")
            .UseInMemoryStore()
            .UseDefaultThreadPool(pool => pool.MaxConcurrency = 4)
            .WithInterruptJobsOnShutdownWithWait(true)
            .BuildScheduler();
        scheduler.JobFactory = jobFactory;
        foreach (var schedule in schedules)
        {
            var job = JobBuilder.Create(schedule.JobType).WithIdentity(schedule.Name, Group).Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"{schedule.Name}-trigger", Group)
                .StartNow()
                // After a long pause (a suspended machine) the job runs once, not once per missed interval.
                .WithSimpleSchedule(s => s.WithInterval(schedule.Interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken);
        }
        await scheduler.Start(cancellationToken);
        _scheduler = scheduler;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } scheduler)
        {
            _scheduler = null;
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
