using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Spi;

namespace MentorBot.Bot.Jobs;

/// <summary>
/// Gives each run of a job a DI scope of its own, so it gets a fresh <see cref="Persistence.DbSession"/> and outbox,
/// and disposes the scope when the run ends. Quartz reads [DisallowConcurrentExecution] from the job's registered type.
/// </summary>
public sealed class ScopedJobFactory(IServiceScopeFactory scopes, IPrimaryInstance instance, ILogger<ScopedJobFactory> logger) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new ScopedRun(scopes, instance, logger, bundle.JobDetail.JobType);

    public void ReturnJob(IJob job)
    {
        // Nothing to give back: each run disposed its own scope.
    }

    private sealed class ScopedRun(IServiceScopeFactory scopes, IPrimaryInstance instance, ILogger logger, Type jobType) : IJob
    {
        public async Task Execute(IJobExecutionContext context)
        {
            if (!instance.IsPrimary)
            {
                // Another instance on the same database runs the jobs; every instance keeps the schedule, ready to take over.
                return;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ((IJob)scope.ServiceProvider.GetRequiredService(jobType)).Execute(context);
            }
            catch (Exception error) when (!(error is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
            {
                // Quartz logs through its own static provider, which is not ours; the job runs again at its next firing.
                logger.LogError(error, "Job {JobName} failed", context.JobDetail.Key.Name);
            }
        }
    }
}
