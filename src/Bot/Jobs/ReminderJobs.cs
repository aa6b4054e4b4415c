using MentorBot.Bot.Features.Reporting;
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

/// <summary>
/// Plans each coordinator's next monthly report that is not planned yet. The report itself is a reminder, so the sweep
/// delivers it once per coordinator and month however many instances run this job.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportPlanningJob(DbSession db, MonthlyReportPlanner planner, ILogger<MonthlyReportPlanningJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var planned = await db.InTransactionAsync(() => planner.PlanAllAsync(cancellationToken), cancellationToken);
        if (planned > 0)
        {
            logger.MonthlyReportsPlanned(planned);
        }
    }
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
            logger.DigestsPlanned(planned);
        }
    }
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class PlanningLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {ReportCount} monthly reports")]
    public static partial void MonthlyReportsPlanned(this ILogger logger, int reportCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planned {DigestCount} weekly digests")]
    public static partial void DigestsPlanned(this ILogger logger, int digestCount);
}
