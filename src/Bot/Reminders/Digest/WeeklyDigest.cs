using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Reminders.Digest;

/// <summary>
/// The coordinators' weekly digest, a reminder like any other: durable, once per coordinator per ISO week, late after
/// downtime rather than lost, and never at night. It reports only on the districts the coordinator sees.
/// </summary>
public sealed class WeeklyDigest(ICallerDirectory callers, IEnumerable<IDigestSection> sections, Districts districts, DigestPlanner planner) : IReminderKind
{
    public static string Kind => "coordinator.digest";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var coordinatorId = context.Reminder.RecipientId;
        var caller = await callers.FindAsync(coordinatorId, cancellationToken);
        if (!caller.Is(Audience.Coordinator))
        {
            return ReminderDelivery.Cancel;
        }
        var scope = new DigestScope(coordinatorId, caller.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList(), context.Now - TimeSpan.FromDays(7), context.Now);
        var parts = new List<HtmlText> { ReminderTexts.DigestHeader(scope.Districts.Select(districts.Name)) };
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            parts.Add(await section.RenderAsync(scope, cancellationToken));
        }
        context.Send(Html.Join("\n\n", parts));
        await planner.ScheduleNextAsync(coordinatorId, context.Now, cancellationToken);
        return ReminderDelivery.Sent;
    }
}

/// <summary>Keeps one digest planned ahead for every coordinator; joins the caller's transaction.</summary>
public sealed class DigestPlanner(
    ReminderScheduler scheduler, DigestRepository digest, RecipientTimeZones zones, IOptions<RemindersOptions> options, TimeProvider clock)
{
    /// <summary>Plans each coordinator's next digest that is not planned yet (a new coordinator's first); returns how many.</summary>
    public Task<int> PlanAllAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return CoordinatorPlanning.PlanForEachAsync(digest, id => ScheduleNextAsync(id, now, cancellationToken), cancellationToken);
    }

    /// <summary>The digest on the first digest day after <paramref name="after"/> in the coordinator's zone, keyed by its ISO week.</summary>
    public async Task<bool> ScheduleNextAsync(long coordinatorId, DateTimeOffset after, CancellationToken cancellationToken = default)
    {
        var zone = await zones.OfAsync(coordinatorId, cancellationToken);
        var dueAt = LocalCalendar.NextWeekly(after, options.Value.DigestDay, options.Value.DigestTime, zone);
        var day = LocalCalendar.LocalDate(dueAt, zone).ToDateTime(TimeOnly.MinValue);
        var key = string.Create(CultureInfo.InvariantCulture, $"{coordinatorId}:{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
        return await scheduler.ScheduleAsync<WeeklyDigest>(new ReminderSubject("coordinator", coordinatorId), coordinatorId, dueAt, key, cancellationToken: cancellationToken);
    }
}
