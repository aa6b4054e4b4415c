using MentorBot.Bot.Localization;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// Drains the outbox within Telegram's limits: several chats in parallel, one chat's messages in order.
/// A row is marked done only after Telegram answered, so a crash re-sends at most the calls that were in flight.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IDbConnectionFactory connections,
    IPrimaryInstance instance,
    ITelegramBotClient telegram,
    SendRateLimiter limiter,
    OutboxSignal signal,
    BotMetrics metrics,
    IOptions<OutboundOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly OutboundOptions _options = options.Value;
    private readonly Dictionary<long, Task> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await DispatchDueAsync(stoppingToken);
                    failures = 0;
                }
                catch (System.Data.Common.DbException error) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database that cannot be read or written (locked, read-only, moved away) must not end the
                    // sender: it looks again, less often, and goes on by itself once the database is back.
                    failures++;
                    wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));
                    logger.LogWarning("Outbox could not be read ({Reason}); looking again in {DelaySeconds} s", error.GetType().Name, wait.TotalSeconds);
                }
                await signal.WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Let the calls already made finish, so their rows are marked and not sent again.
            await Task.WhenAll(_inFlight.Values);
        }
    }

    /// <summary>Starts every call that is due and allowed now; returns how long to wait before looking again.</summary>
    private async Task<TimeSpan> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.FromMilliseconds(_options.IdlePollMilliseconds);
        ForgetFinished();
        if (!instance.IsPrimary)
        {
            // The primary instance sends every instance's rows, within the one rate limit Telegram gives the bot.
            return idle;
        }
        if (_inFlight.Count >= _options.MaxParallelSends)
        {
            await Task.WhenAny(_inFlight.Values);
            return TimeSpan.Zero;
        }

        IReadOnlyList<OutboxEntry> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxRepository>();
            due = await outbox.DueAsync(clock.GetUtcNow(), _options.MaxParallelSends * 8 + _inFlight.Count, cancellationToken);
        }

        var soonest = idle;
        var started = 0;
        foreach (var entry in due)
        {
            if (_inFlight.Count >= _options.MaxParallelSends)
            {
                break;
            }
            if (_inFlight.ContainsKey(entry.Message.ChatId))
            {
                continue;
            }
            var wait = limiter.TryAcquire(entry.Message.ChatId, entry.Message.CountsTowardsChatLimit);
            if (wait > TimeSpan.Zero)
            {
                soonest = wait < soonest ? wait : soonest;
                continue;
            }
            _inFlight[entry.Message.ChatId] = SendAsync(entry, cancellationToken);
            started++;
        }

        if (started > 0)
        {
            return TimeSpan.Zero;
        }
        if (_inFlight.Count > 0)
        {
            var finished = Task.WhenAny(_inFlight.Values);
            await Task.WhenAny(finished, Task.Delay(soonest, clock, cancellationToken));
            return TimeSpan.Zero;
        }
        return soonest;
    }

    private void ForgetFinished()
    {
        foreach (var chat in _inFlight.Where(pair => pair.Value.IsCompleted).Select(pair => pair.Key).ToList())
        {
            _inFlight.Remove(chat);
        }
    }

    private async Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var message = entry.Message;
        Func<OutboxRepository, ChatRepository, DateTimeOffset, Task> record;
        try
        {
            var sent = await CallAsync(message, CancellationToken.None);
            record = (outbox, _, now) => outbox.MarkSentAsync(entry.Id, sent?.MessageId, now);
        }
        catch (TelegramApiException error) when (error.IsMessageNotModified)
        {
            record = (outbox, _, now) => outbox.MarkSentAsync(entry.Id, message.MessageId, now);
        }
        catch (TelegramApiException error) when (error.IsForbidden)
        {
            metrics.Forbidden();
            logger.LogInformation("Chat {ChatId} blocked the bot; its pending messages are dropped", message.ChatId);
            record = async (outbox, chats, now) =>
            {
                await chats.MarkBlockedAsync(message.ChatId, now);
                await outbox.MarkChatBlockedAsync(message.ChatId, now);
            };
        }
        catch (TelegramApiException error) when (error.IsTooManyRequests)
        {
            metrics.TooManyRequests();
            var retryAfter = TimeSpan.FromSeconds(Math.Max(1, error.RetryAfterSeconds ?? 1));
            limiter.PauseFor(retryAfter);
            logger.LogWarning("Bot API asked to slow down for {RetryAfterSeconds} s", retryAfter.TotalSeconds);
            record = (outbox, _, now) => outbox.RescheduleAsync(entry.Id, now + retryAfter, "429");
        }
        catch (Exception error) when (IsTransient(error) && entry.Attempts + 1 < _options.MaxAttempts)
        {
            var delay = Backoff(entry.Attempts);
            logger.LogWarning("Outbox row {OutboxId} failed ({Reason}); retrying in {DelaySeconds} s", entry.Id, Reason(error), delay.TotalSeconds);
            record = (outbox, _, now) => outbox.RescheduleAsync(entry.Id, now + delay, Reason(error));
        }
        catch (Exception error)
        {
            // A 4xx other than the ones above (chat not found, bad markup) will not succeed on a retry.
            logger.LogWarning("Outbox row {OutboxId} failed for good ({Reason})", entry.Id, Reason(error));
            var notice = NoticeOfFailure(entry);
            record = async (outbox, _, now) =>
            {
                await outbox.MarkFailedAsync(entry.Id, Reason(error), now);
                if (notice is not null)
                {
                    await outbox.EnqueueOneAsync(notice, now);
                }
            };
        }
        limiter.Release();

        await RecordAsync(record, cancellationToken);
    }

    private async Task RecordAsync(Func<OutboxRepository, ChatRepository, DateTimeOffset, Task> record, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var provider = scope.ServiceProvider;
                await record(provider.GetRequiredService<OutboxRepository>(), provider.GetRequiredService<ChatRepository>(), clock.GetUtcNow());
                return;
            }
            catch (System.Data.Common.DbException error) when ((attempt < 5 || connections.Dialect.IsTransient(error)) && !cancellationToken.IsCancellationRequested)
            {
                // The call was made, so its outcome must not be lost: given up, the row would stay pending and the
                // message go out again. So a busy database (another process holding it, or a conflict) is waited out however long.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Min(attempt, 5)), CancellationToken.None);
            }
        }
    }

    private Task<Message?> CallAsync(OutgoingMessage message, CancellationToken cancellationToken) => message.Kind switch
    {
        OutgoingKind.Send => telegram.SendMessageAsync(
            new SendMessageRequest { ChatId = message.ChatId, Text = message.Text, ReplyMarkup = message.Markup }, cancellationToken),
        OutgoingKind.EditText => telegram.EditMessageTextAsync(
            new EditMessageTextRequest { ChatId = message.ChatId, MessageId = message.MessageId ?? 0, Text = message.Text, ReplyMarkup = message.InlineKeyboard },
            cancellationToken),
        OutgoingKind.EditMarkup => telegram.EditMessageReplyMarkupAsync(
            new EditMessageReplyMarkupRequest { ChatId = message.ChatId, MessageId = message.MessageId ?? 0, ReplyMarkup = message.InlineKeyboard },
            cancellationToken),
        OutgoingKind.Delete => DeleteAsync(message, cancellationToken),
        OutgoingKind.Document => telegram.SendDocumentAsync(
            new SendDocumentRequest
            {
                ChatId = message.ChatId,
                FileName = message.FileName ?? "file",
                Content = message.FileContent ?? [],
                Caption = string.IsNullOrEmpty(message.Text) ? null : message.Text,
                ContentType = message.ContentType ?? "application/octet-stream",
                ReplyMarkup = message.InlineKeyboard,
            },
            cancellationToken),
        OutgoingKind.Photo => telegram.SendPhotoAsync(
            new SendPhotoRequest
            {
                ChatId = message.ChatId,
                FileName = message.FileName ?? "chart.png",
                Content = message.FileContent ?? [],
                Caption = string.IsNullOrEmpty(message.Text) ? null : message.Text,
                ContentType = message.ContentType ?? "image/png",
            },
            cancellationToken),
        _ => throw new InvalidOperationException($"Unknown outgoing kind {message.Kind}"),
    };

    private async Task<Message?> DeleteAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        await telegram.DeleteMessageAsync(message.ChatId, message.MessageId ?? 0, cancellationToken);
        return null;
    }

    /// <summary>
    /// A new message or file the person asked for was given up: they are told, rather than left waiting. Not for
    /// edits (the old text stays readable), broadcasts (the coordinator's report counts them) or the notice itself.
    /// </summary>
    private static OutgoingMessage? NoticeOfFailure(OutboxEntry entry) =>
        entry.IsBroadcast || entry.Message.Kind is not (OutgoingKind.Send or OutgoingKind.Document) || entry.Message.Text == Texts.NotDelivered.Value
            ? null
            : new OutgoingMessage { Kind = OutgoingKind.Send, ChatId = entry.Message.ChatId, Text = Texts.NotDelivered.Value };

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(_options.MaxBackoffSeconds, Math.Pow(2, Math.Min(attempts, 10))));

    private static bool IsTransient(Exception error) =>
        error is TelegramTransportException || error is TelegramApiException { IsServerError: true };

    private static string Reason(Exception error) => error switch
    {
        TelegramApiException api => $"{api.ErrorCode} {api.Description}",
        TelegramTransportException => "transport: " + error.Message,
        _ => error.GetType().Name,
    };
}
