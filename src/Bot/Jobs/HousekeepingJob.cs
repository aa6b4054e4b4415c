using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>
/// Forgets what is no longer needed: handled update ids past the window in which Telegram could redeliver them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(ProcessedUpdateRepository processed, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<HousekeepingJob> logger) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public Task Execute(IJobExecutionContext context) => RunAsync(context.CancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var olderThan = clock.GetUtcNow().AddDays(-options.Value.ProcessedUpdateRetentionDays);
        var pruned = await processed.PruneAsync(olderThan, cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Pruned {UpdateCount} processed update ids", pruned);
        }
    }
}
