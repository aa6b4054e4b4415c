using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Long polling. The offset that confirms a batch is saved only after every update in it is committed, so a crash
/// makes Telegram deliver the batch again, and the processed-update ids make the redelivery harmless.
/// </summary>
public sealed class PollingReceiver(
    IBotApi telegram,
    UpdateBatchHandler batches,
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
        var failures = 0;
        var webhookRemoved = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
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

    private async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        var offset = await WithStateAsync(state => state.GetPollingOffsetAsync(cancellationToken));
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

        await batches.HandleAsync(updates, cancellationToken);
        var next = updates.Max(u => u.Id) + 1;
        await WithStateAsync(async state =>
        {
            await state.SetPollingOffsetAsync(next, cancellationToken);
            return next;
        });
        logger.BatchHandled(updates.Count, next - 1);
    }

    private async Task<long> WithStateAsync(Func<BotStateRepository, Task<long>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BotStateRepository>());
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {UpdateCount} updates up to {UpdateId}")]
    public static partial void BatchHandled(this ILogger logger, int updateCount, long updateId);
}
