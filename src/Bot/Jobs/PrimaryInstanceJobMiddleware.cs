using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>
/// Runs a job only on the primary instance: every instance keeps the schedule, ready to take over, while another
/// instance on the same database runs the jobs. A failed run is logged here and runs again at its next firing.
/// </summary>
public sealed class PrimaryInstanceJobMiddleware(IPrimaryInstance instance, ILogger<PrimaryInstanceJobMiddleware> logger) : IJobExecutionMiddleware
{
    public async ValueTask Invoke(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken)
    {
        if (!instance.IsPrimary)
        {
            return;
        }
        try
        {
            await next(context, cancellationToken);
        }
        catch (Exception error) when (!(error is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            logger.JobFailed(error, context.JobDetail.Key.Name);
        }
    }
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobName} failed")]
    public static partial void JobFailed(this ILogger logger, Exception error, string jobName);
}
