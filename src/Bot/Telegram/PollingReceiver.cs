using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Long polling, with the next batch fetched while the last is handled: asking for it confirms the last one to
/// Telegram, which then forgets it, so each batch is first saved to the update inbox, with the offset that confirms it,
/// in one transaction. Each update's copy is deleted in the transaction that handles it, so a crash leaves exactly the
/// unhandled ones, and the restart handles them before it polls.
/// </summary>
public sealed class PollingReceiver(
    IBotApi telegram,
    PolledUpdates queue,
    IServiceScopeFactory scopes,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    FatalStop fatal,
    ILogger<PollingReceiver> logger) : BackgroundService
{
    /// <summary>A poll that comes back empty sooner than this is followed by a pause, so the loop never spins.</summary>
    public static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopHandling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var handling = queue.RunAsync(stopHandling.Token);
        try
        {
            await ReceiveAsync(stoppingToken);
        }
        finally
        {
            // Whatever is not handled by now stays in the inbox for the next start.
            await stopHandling.CancelAsync();
            await handling;
        }
    }

    private async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var webhookRemoved = false;
        var inboxLoaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!inboxLoaded)
                {
                    await LoadInboxAsync(stoppingToken);
                    inboxLoaded = true;
                }
                if (!webhookRemoved)
                {
                    // getUpdates is refused while a webhook is set, e.g. after switching back from webhook mode.
                    await telegram.DeleteWebhookAsync(false, stoppingToken);
                    webhookRemoved = true;
                }
                await PollOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (BotApiRefusals.IsTokenRefused(error))
            {
                // Every later call would be refused the same way, and a restart would not help either.
                fatal.Stop(BotApiRefusals.TokenRefused);
                return;
            }
            catch (Exception error)
            {
                failures++;
                var delay = BotApiRefusals.Backoff(error, failures);
                logger.PollingFailed(BotApiRefusals.Describe(error), delay.TotalSeconds);
                await DelayAsync(delay, stoppingToken);
            }
        }
    }

    /// <summary>What a crash left unhandled goes first, ahead of anything newer from the same chats.</summary>
    private async Task LoadInboxAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<UpdateInboxRepository>().ListAsync(cancellationToken);
        queue.Add(saved.Select(row => UpdateJson.Read(row.UpdateId, row.Body)));
        if (saved.Count > 0)
        {
            logger.InboxResumed(saved.Count);
        }
    }

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        // Fetching confirms what came before; holding back keeps the unhandled backlog, and the inbox, bounded.
        await queue.WaitForRoomAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var offset = await provider.GetRequiredService<BotStateRepository>().GetPollingOffsetAsync(cancellationToken);
        var started = clock.GetTimestamp();
        var updates = await telegram.GetUpdatesAsync(offset == 0 ? null : offset, options.Value.PollingTimeoutSeconds, cancellationToken);
        if (updates.Count == 0)
        {
            var elapsed = clock.GetElapsedTime(started);
            if (elapsed < MinimumPollInterval)
            {
                await DelayAsync(MinimumPollInterval - elapsed, cancellationToken);
            }
            return;
        }

        var next = updates.Max(u => u.Id) + 1;
        await provider.GetRequiredService<DbSession>().InTransactionAsync(
            async () =>
            {
                await provider.GetRequiredService<UpdateInboxRepository>().AddAsync(updates.Select(u => new InboxUpdate(u.Id, UpdateJson.Write(u))), cancellationToken);
                await provider.GetRequiredService<BotStateRepository>().SetPollingOffsetAsync(next, cancellationToken);
                return next;
            },
            cancellationToken);
        queue.Add(updates);
        logger.BatchReceived(updates.Count, next - 1);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

internal static partial class PollingReceiverLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling failed ({Reason}); retrying in {DelaySeconds} s")]
    public static partial void PollingFailed(this ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Received and saved {UpdateCount} updates up to {UpdateId}")]
    public static partial void BatchReceived(this ILogger logger, int updateCount, long updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {UpdateCount} updates received before the restart and not handled yet")]
    public static partial void InboxResumed(this ILogger logger, int updateCount);
}
