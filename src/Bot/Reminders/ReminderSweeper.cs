using MentorBot.Bot.Operations;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Reminders;

/// <summary>What one sweep did, for logs and tests.</summary>
public sealed record SweepResult(int Sent, int Skipped, int Cancelled, int Rescheduled, int Deferred, int Failed)
{
    public static SweepResult None { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Sent + Skipped + Cancelled + Rescheduled + Deferred + Failed;

    public SweepResult Add(DeliveryResult result) => result switch
    {
        DeliveryResult.Sent => this with { Sent = Sent + 1 },
        DeliveryResult.Skipped => this with { Skipped = Skipped + 1 },
        DeliveryResult.Cancelled => this with { Cancelled = Cancelled + 1 },
        DeliveryResult.Rescheduled => this with { Rescheduled = Rescheduled + 1 },
        DeliveryResult.Deferred => this with { Deferred = Deferred + 1 },
        _ => this with { Failed = Failed + 1 },
    };
}

public enum DeliveryResult
{
    Sent,
    Skipped,
    Cancelled,
    Rescheduled,
    /// <summary>Quiet hours in the recipient's zone: back to pending until the morning.</summary>
    Deferred,
    /// <summary>An error or a lost claim; the reminder is tried again once its lease runs out.</summary>
    Failed,
}

/// <summary>
/// Delivers the reminders that are due. A sweep leases a batch (a claim with a token and an expiry), then delivers each
/// in a transaction of its own that writes the kind's messages to the outbox and marks the row done only if the claim
/// is still its own. A process that dies after claiming leaves rows whose lease runs out and a later sweep takes them
/// over; one that dies mid-delivery commits nothing. So every reminder is delivered exactly once.
/// </summary>
public sealed class ReminderSweeper(
    IServiceScopeFactory scopes,
    ReminderKinds kinds,
    QuietHours quietHours,
    OutboxSignal outboxSignal,
    BotMetrics metrics,
    IOptions<RemindersOptions> options,
    TimeProvider clock,
    ILogger<ReminderSweeper> logger)
{
    private readonly RemindersOptions _options = options.Value;

    /// <summary>Delivers everything due now, a batch at a time. Cancellation stops between reminders and hands back the rest.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var result = SweepResult.None;
        int claimedCount;
        do
        {
            var token = Guid.NewGuid().ToString("N");
            var claimed = await ClaimAsync(token, cancellationToken);
            claimedCount = claimed.Count;
            var delivered = 0;
            try
            {
                foreach (var reminder in claimed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    result = result.Add(await DeliverAsync(reminder, token));
                    delivered++;
                }
            }
            finally
            {
                if (delivered < claimed.Count)
                {
                    await ReleaseAsync(token);
                }
            }
        }
        while (claimedCount == _options.SweepBatchSize);

        if (result.Sent > 0)
        {
            outboxSignal.Notify();
            metrics.RemindersSent(result.Sent);
        }
        if (result.Total > 0)
        {
            logger.SweepDone(result.Sent, result.Skipped, result.Cancelled, result.Rescheduled, result.Deferred, result.Failed);
        }
        return result;
    }

    /// <summary>Leases the due reminders to the sweep that holds <paramref name="token"/>; a step of <see cref="SweepAsync"/>, apart for tests.</summary>
    internal async Task<IReadOnlyList<Reminder>> ClaimAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var reminders = scope.ServiceProvider.GetRequiredService<ReminderRepository>();
        var now = clock.GetUtcNow();
        return await db.InTransactionAsync(
            () => reminders.ClaimDueAsync(now, now + _options.LeaseDuration, token, _options.SweepBatchSize, _options.MaxAttempts, cancellationToken),
            cancellationToken);
    }

    private async Task ReleaseAsync(string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderRepository>().ReleaseAsync(token);
    }

    /// <summary>One reminder, in one transaction. Once started it runs to the end, so a stopping host waits for it.</summary>
    private async Task<DeliveryResult> DeliverAsync(Reminder reminder, string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbSession>();
        var outbox = services.GetRequiredService<OutboxWriter>();
        await db.BeginAsync();
        try
        {
            var now = clock.GetUtcNow();
            var (result, recorded) = await DecideAsync(reminder, token, services, outbox, now);
            await outbox.FlushAsync(now);
            if (!recorded)
            {
                await db.RollbackAsync();
                logger.ReminderTakenOver(reminder.Id);
                return DeliveryResult.Failed;
            }
            await db.CommitAsync();
            return result;
        }
        catch (Exception error)
        {
            await db.RollbackAsync();
            logger.ReminderFailed(error, reminder.Id, reminder.Kind, reminder.Attempts);
            return DeliveryResult.Failed;
        }
    }

    private async Task<(DeliveryResult Result, bool Recorded)> DecideAsync(
        Reminder reminder, string token, IServiceProvider services, OutboxWriter outbox, DateTimeOffset now)
    {
        var reminders = services.GetRequiredService<ReminderRepository>();
        var zone = await services.GetRequiredService<RecipientTimeZones>().OfAsync(reminder.RecipientId);
        var allowedAt = quietHours.NextAllowed(now, zone);
        if (allowedAt > now)
        {
            return (DeliveryResult.Deferred, await reminders.DeferAsync(reminder.Id, token, allowedAt));
        }
        if (kinds.Find(reminder.Kind) is not { } registration)
        {
            logger.ReminderKindUnknown(reminder.Id, reminder.Kind);
            return (DeliveryResult.Failed, await reminders.FinishAsync(reminder.Id, token, FinalReminderState.Failed, now));
        }

        var muted = !registration.IsEssential && await reminders.IsPausedAsync(reminder.RecipientId);
        // Late counts from when it could first have gone out: a reminder held through the night is on time at 09:00.
        var late = now - quietHours.NextAllowed(reminder.DueAt, zone) > _options.LateAfter;
        var kind = (IReminderKind)services.GetRequiredService(registration.HandlerType);
        var delivery = await kind.DeliverAsync(new ReminderContext(reminder, now, zone, late, muted, outbox), CancellationToken.None);
        return delivery.Outcome switch
        {
            ReminderOutcome.Sent when muted => (DeliveryResult.Skipped, await reminders.FinishAsync(reminder.Id, token, FinalReminderState.Skipped, now)),
            ReminderOutcome.Sent => (DeliveryResult.Sent, await reminders.FinishAsync(reminder.Id, token, FinalReminderState.Sent, now)),
            ReminderOutcome.Cancelled => (DeliveryResult.Cancelled, await reminders.FinishAsync(reminder.Id, token, FinalReminderState.Cancelled, now)),
            // A time not in the future would come straight back in this sweep; it waits for the next one instead.
            _ => (DeliveryResult.Rescheduled, await reminders.RescheduleAsync(
                reminder.Id, token, delivery.RescheduledTo > now ? delivery.RescheduledTo.Value : now + _options.SweepInterval)),
        };
    }
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class ReminderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder sweep: {Sent} sent, {Skipped} skipped, {Cancelled} cancelled, {Rescheduled} rescheduled, {Deferred} deferred, {Failed} failed")]
    public static partial void SweepDone(this ILogger logger, int sent, int skipped, int cancelled, int rescheduled, int deferred, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} was cancelled or taken over during its delivery; nothing sent")]
    public static partial void ReminderTakenOver(this ILogger logger, long reminderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {ReminderId} of kind {ReminderKind} failed on attempt {Attempt}; it is tried again after its lease")]
    public static partial void ReminderFailed(this ILogger logger, Exception error, long reminderId, string reminderKind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} has unknown kind {ReminderKind}; given up")]
    public static partial void ReminderKindUnknown(this ILogger logger, long reminderId, string reminderKind);
}
