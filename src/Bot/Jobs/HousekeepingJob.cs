using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>
/// Forgets what is no longer needed: handled update ids past the window in which Telegram could redeliver them, and
/// completed outbox rows, which would otherwise be most of the database within a year.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(
    ProcessedUpdateRepository processed,
    OutboxRepository outbox,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<HousekeepingJob> logger) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updates = await processed.PruneAsync(now.AddDays(-options.Value.ProcessedUpdateRetentionDays), cancellationToken);
        var messages = await outbox.PruneCompletedAsync(now.AddDays(-options.Value.OutboxRetentionDays), cancellationToken);
        if (updates + messages > 0)
        {
            logger.Pruned(updates, messages);
        }
    }
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class HousekeepingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {UpdateCount} processed update ids and {OutboxCount} completed outbox rows")]
    public static partial void Pruned(this ILogger logger, int updateCount, int outboxCount);
}
