using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;

namespace MentorBot.Bot.Features.Reporting;

/// <summary>
/// The monthly district report, delivered as a durable reminder (kind <c>coordinator.monthly-report</c>, dedup key
/// <c>&lt;user id&gt;:&lt;yyyy-MM&gt;</c> of the month reported on): planned for 09:00 on the first working day of the next
/// month in the coordinator's zone, claimed and recorded once in the same transaction as its outbox rows, so it goes
/// out exactly once per coordinator and month across restarts and instances, late after downtime rather than never.
/// </summary>
public sealed class MonthlyReportDelivery(ICallerDirectory callers, MonthlyReport report, MonthlyReportPlanner planner, Districts districts) : IReminderKind
{
    public static string Kind => "coordinator.monthly-report";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var coordinatorId = context.Reminder.RecipientId;
        var caller = await callers.FindAsync(coordinatorId, cancellationToken);
        if (!caller.Is(Audience.Coordinator) || caller.CoordinatorDistricts.Count == 0)
        {
            return ReminderDelivery.Cancel;
        }
        // Due on the first working day of a month, it reports on the month before.
        var month = ReportMonth.Of(context.Reminder.DueAt, context.RecipientTimeZone).Previous;
        var files = await report.BuildAsync(caller.CoordinatorDistricts, month, cancellationToken);
        context.Send(ReportTexts.MonthlyReportIntro(month.Name));
        context.SendDocument(files.FileName, files.Workbook, files.Caption);
        if (files.CoverageChart is { } chart)
        {
            context.SendPhoto("coverage.png", chart,
                ReportTexts.CoverageChartCaption(caller.CoordinatorDistricts.Order(StringComparer.Ordinal).Select(districts.Name)));
        }
        await planner.ScheduleNextAsync(coordinatorId, context.Now, cancellationToken);
        return ReminderDelivery.Sent;
    }
}

/// <summary>Keeps one monthly report planned ahead for every coordinator; joins the caller's transaction.</summary>
public sealed class MonthlyReportPlanner(ReminderScheduler scheduler, DigestRepository coordinators, RecipientTimeZones zones, TimeProvider clock)
{
    public static readonly TimeOnly At = new(9, 0);

    public Task<int> PlanAllAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return CoordinatorPlanning.PlanForEachAsync(coordinators, id => ScheduleNextAsync(id, now, cancellationToken), cancellationToken);
    }

    /// <summary>The report due at the first <see cref="At"/> of a month's first working day after <paramref name="after"/>; false when already planned.</summary>
    public async Task<bool> ScheduleNextAsync(long coordinatorId, DateTimeOffset after, CancellationToken cancellationToken = default)
    {
        var zone = await zones.OfAsync(coordinatorId, cancellationToken);
        var dueAt = NextDue(after, zone);
        var reported = ReportMonth.Of(dueAt, zone).Previous;
        return await scheduler.ScheduleAsync<MonthlyReportDelivery>(
            new ReminderSubject("coordinator", coordinatorId), coordinatorId, dueAt, $"{coordinatorId}:{reported.Key}", cancellationToken: cancellationToken);
    }

    public static DateTimeOffset NextDue(DateTimeOffset after, TimeZoneInfo zone)
    {
        var month = ReportMonth.Of(after, zone);
        var due = LocalCalendar.At(month.FirstWorkingDay(), At, zone);
        return due > after ? due : LocalCalendar.At(month.Next.FirstWorkingDay(), At, zone);
    }
}
