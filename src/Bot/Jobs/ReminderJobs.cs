using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Reminders.Digest;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>Delivers the reminders that are due. Runs never overlap in one process; the claims keep several processes apart.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderSweeper sweeper) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweeper.SweepAsync(cancellationToken);
}

/// <summary>Plans the next weekly digest of every coordinator who has none planned, such as one who just joined.</summary>
[DisallowConcurrentExecution]
public sealed class DigestPlanningJob(DbSession db, DigestPlanner planner, ILogger<DigestPlanningJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var planned = await db.InTransactionAsync(() => planner.PlanAllAsync(cancellationToken), cancellationToken);
        if (planned > 0)
        {
            logger.LogInformation("Planned {DigestCount} weekly digests", planned);
        }
    }
}
