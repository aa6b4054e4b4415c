using MentorBot.Bot.Localization;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>The coordinator's progress message: one outbox row, whose Telegram message is then edited as the broadcast goes.</summary>
public sealed class BroadcastProgress(OutboxRepository outbox, AnnouncementRepository announcements)
{
    /// <summary>Writes "0 of N" in the current transaction and remembers its row.</summary>
    public async Task BeginAsync(Announcement announcement, int recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (announcement.CoordinatorId is not { } coordinator)
        {
            return;
        }
        var message = new OutgoingMessage { Kind = OutgoingKind.Send, ChatId = coordinator, Text = AnnouncementTexts.Progress(announcement.Title, 0, recipients).Value };
        await announcements.SetProgressMessageAsync(announcement.Id, await outbox.EnqueueOneAsync(message, now, cancellationToken), cancellationToken);
    }
}

/// <summary>
/// Delivers announcements through the outbox. Each run starts the scheduled broadcasts whose time has come, writes
/// the recipients of started ones to the outbox (a batch per transaction, by ascending user id, so a run stopped
/// half-way resumes after the last batch it committed and the outbox's unique key skips anyone written already),
/// edits each coordinator's progress message at most every few seconds, and reports when the last row completes.
/// The counts come from the outbox rows' statuses, so they are exact.
/// </summary>
public sealed class BroadcastRunner(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    BotMetrics metrics,
    IOptions<AnnouncementsOptions> options,
    TimeProvider clock,
    ILogger<BroadcastRunner> logger)
{
    private readonly AnnouncementsOptions _options = options.Value;

    /// <summary>One tick; returns when the next is needed, if sooner than the idle interval (a broadcast is under way, or one is due).</summary>
    public async Task<DateTimeOffset?> RunAsync(CancellationToken cancellationToken = default)
    {
        await StartDueAsync(cancellationToken);
        IReadOnlyList<Announcement> sending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            sending = await scope.ServiceProvider.GetRequiredService<AnnouncementRepository>().InStatusAsync(AnnouncementStatus.Sending, cancellationToken);
        }
        var unfinished = 0;
        foreach (var announcement in sending)
        {
            if (announcement.EnqueuedAt is null)
            {
                await EnqueueAsync(announcement, cancellationToken);
            }
            if (!await ShowProgressAsync(announcement.Id, cancellationToken))
            {
                unfinished++;
            }
        }
        metrics.BroadcastsInProgress = unfinished;
        var now = clock.GetUtcNow();
        if (unfinished > 0)
        {
            return now + _options.TickInterval;
        }
        DateTimeOffset? next;
        await using (var scope = scopes.CreateAsyncScope())
        {
            next = await scope.ServiceProvider.GetRequiredService<AnnouncementRepository>().NextScheduledAtAsync(cancellationToken);
        }
        return next is { } due && due < now + _options.IdleTickInterval ? (due > now ? due : now + _options.TickInterval) : null;
    }

    private async Task StartDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var announcements = services.GetRequiredService<AnnouncementRepository>();
        var progress = services.GetRequiredService<BroadcastProgress>();
        var db = services.GetRequiredService<DbSession>();
        foreach (var id in await announcements.DueAsync(clock.GetUtcNow(), cancellationToken))
        {
            if (await announcements.FindAsync(id, cancellationToken) is not { } announcement)
            {
                continue;
            }
            var recipients = await services.GetRequiredService<AudienceResolver>().RecipientsAsync(announcement.Audience, 0, cancellationToken);
            var started = await db.InTransactionAsync(async () =>
            {
                if (!await announcements.StartAsync(id, cancellationToken))
                {
                    return false;
                }
                await progress.BeginAsync(announcement, recipients.Count, clock.GetUtcNow(), cancellationToken);
                return true;
            }, cancellationToken);
            if (started)
            {
                logger.ScheduledBroadcastStarted(id);
            }
        }
        signal.Notify();
    }

    /// <summary>Writes the recipients not yet written, a batch per transaction; cancellation stops between batches.</summary>
    internal async Task EnqueueAsync(Announcement announcement, CancellationToken cancellationToken, int maxBatches = int.MaxValue)
    {
        IReadOnlyList<long> remaining;
        await using (var scope = scopes.CreateAsyncScope())
        {
            remaining = await scope.ServiceProvider.GetRequiredService<AudienceResolver>()
                .RecipientsAsync(announcement.Audience, announcement.EnqueuedThrough, cancellationToken);
        }
        var message = AnnouncementMessage.Body(announcement).Value;
        var keyboard = AnnouncementMessage.RsvpKeyboard(announcement.Id, null);
        var written = 0;
        foreach (var batch in remaining.Chunk(_options.BatchSize).Take(maxBatches))
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            written += batch.Length;
            await services.GetRequiredService<DbSession>().InTransactionAsync(async () =>
            {
                var now = clock.GetUtcNow();
                await services.GetRequiredService<OutboxRepository>().EnqueueBroadcastAsync(announcement.Id,
                    batch.Select(userId => new OutgoingMessage { Kind = OutgoingKind.Send, ChatId = userId, Text = message, InlineKeyboard = keyboard }),
                    now, CancellationToken.None);
                await services.GetRequiredService<AnnouncementRepository>().AddRecipientsAsync(announcement.Id, batch, remaining.Count - written, CancellationToken.None);
                return true;
            }, CancellationToken.None);
            signal.Notify();
        }
        if (written < remaining.Count)
        {
            return;
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AnnouncementRepository>().MarkEnqueuedAsync(announcement.Id, clock.GetUtcNow(), CancellationToken.None);
        }
        logger.EveryRecipientQueued(announcement.Id, written);
    }

    /// <summary>Edits the progress message when it is due, or finishes the broadcast; true when it is finished.</summary>
    private async Task<bool> ShowProgressAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var announcements = services.GetRequiredService<AnnouncementRepository>();
        var outboxRows = services.GetRequiredService<OutboxRepository>();
        var outbox = services.GetRequiredService<OutboxWriter>();
        if (await announcements.FindAsync(id, cancellationToken) is not { Status: AnnouncementStatus.Sending } announcement)
        {
            return true;
        }
        var statuses = await outboxRows.BroadcastStatusesAsync(id, cancellationToken);
        var counts = new BroadcastCounts(
            statuses.GetValueOrDefault("pending"), statuses.GetValueOrDefault("sent"), statuses.GetValueOrDefault("blocked"), statuses.GetValueOrDefault("failed"));
        var now = clock.GetUtcNow();
        var finished = announcement.EnqueuedAt is not null && counts.Pending == 0;
        var due = counts.Done != announcement.ProgressDone && (announcement.ProgressEditedAt is not { } edited || now - edited >= _options.ProgressEditInterval);
        if (!finished && !due)
        {
            return false;
        }
        var progressMessage = announcement.ProgressOutboxId is { } row ? await outboxRows.SentMessageIdAsync(row, cancellationToken) : null;
        var db = services.GetRequiredService<DbSession>();
        await db.BeginAsync(cancellationToken);
        try
        {
            if (finished && !await announcements.FinishAsync(id, counts, now, cancellationToken))
            {
                await db.RollbackAsync();
                return true;
            }
            if (announcement.CoordinatorId is { } coordinator)
            {
                var total = Math.Max(announcement.Recipients, counts.Total);
                if (progressMessage is { } messageId)
                {
                    outbox.Edit(coordinator, messageId,
                        finished ? AnnouncementTexts.ProgressFinished(announcement.Title, counts.Total) : AnnouncementTexts.Progress(announcement.Title, counts.Done, total));
                }
                if (finished)
                {
                    outbox.Send(coordinator, AnnouncementTexts.Report(announcement.Title, counts.Delivered, counts.Blocked, counts.Failed));
                }
            }
            await announcements.RecordProgressAsync(id, counts.Done, now, cancellationToken);
            await outbox.FlushAsync(now, cancellationToken);
            await db.CommitAsync(cancellationToken);
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
        signal.Notify();
        if (finished)
        {
            logger.BroadcastFinished(id, counts.Delivered, counts.Blocked, counts.Failed);
        }
        return finished;
    }
}

/// <summary>
/// Runs the broadcasts; never two at once in one process, and each step is a transaction of its own. When the runner
/// needs the next tick sooner than the idle interval, the job plans a one-off run for then.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BroadcastJob(BroadcastRunner runner, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (await runner.RunAsync(cancellationToken) is not { } next)
        {
            return;
        }
        // Quartz fires by the wall clock; the runner's moments are the bot's clock, so the delay is what carries over.
        var delay = next - clock.GetUtcNow();
        var key = new TriggerKey(context.JobDetail.Key.Name + "-soon");
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(context.JobDetail.Key)
            .StartAt(DateTimeOffset.UtcNow + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero)).Build();
        if (await context.Scheduler.Exists(key, cancellationToken))
        {
            await context.Scheduler.RescheduleJob(key, trigger, cancellationToken);
        }
        else
        {
            await context.Scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        }
    }
}

/// <summary>Runs the broadcast job now (an announcement was saved), on the instance that runs the jobs.</summary>
public sealed class BroadcastWakeUp(IServiceProvider services, ILogger<BroadcastWakeUp> logger)
{
    public void Notify() => _ = TriggerAsync();

    private async Task TriggerAsync()
    {
        try
        {
            if (services.GetService<ISchedulerFactory>() is not { } factory)
            {
                return;
            }
            var scheduler = await factory.GetScheduler();
            if (scheduler.Status == SchedulerStatus.Running && await scheduler.Exists(new JobKey(Jobs.JobSchedules.Broadcasts)))
            {
                await scheduler.TriggerJob(new JobKey(Jobs.JobSchedules.Broadcasts));
            }
        }
        catch (Exception error)
        {
            // The idle tick finds the announcement anyway.
            logger.WakeFailed(error.GetType().Name);
        }
    }
}

internal static partial class BroadcastRunnerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled broadcast {AnnouncementId} started")]
    public static partial void ScheduledBroadcastStarted(this ILogger logger, long announcementId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {AnnouncementId}: every recipient is in the outbox ({Written} written in this run)")]
    public static partial void EveryRecipientQueued(this ILogger logger, long announcementId, int written);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {AnnouncementId} finished: {Delivered} delivered, {Blocked} blocked, {Failed} failed")]
    public static partial void BroadcastFinished(this ILogger logger, long announcementId, int delivered, int blocked, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broadcast job could not be woken: {Reason}")]
    public static partial void WakeFailed(this ILogger logger, string reason);
}
