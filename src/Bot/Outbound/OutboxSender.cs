using MentorBot.Bot.Localization;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// Drains the outbox within Telegram's limits: several chats in parallel, one chat's messages in order, replies ahead
/// of bulk work and broadcasts (see <see cref="OutboxBacklog"/>). The rows this process commits reach it in memory
/// (<see cref="OutboxSignal"/>), so it reads the table only at start, when asked (a broadcast's recipients were
/// written), and on a slow poll that recovers anything nothing announced; with several instances the primary polls
/// faster for the rows the others wrote. A row is marked done only after Telegram answered, so a crash re-sends at
/// most the calls in flight and the answered ones whose marks were still being written: the marks of all calls
/// answered meanwhile go in one transaction, begun as soon as the previous one has committed.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IDbConnectionFactory connections,
    IPrimaryInstance instance,
    IBotApi telegram,
    SendRateLimiter limiter,
    OutboxSignal signal,
    BotMetrics metrics,
    IOptions<OutboundOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Rows of each queue read at once; replies are read whole (up to this), broadcasts a page at a time.</summary>
    private const int ReadLimit = 1000;
    private const int BroadcastPage = 500;
    private const int BroadcastLowWater = 100;
    private static readonly TimeSpan RememberFinished = TimeSpan.FromMinutes(2);

    private readonly OutboundOptions _options = options.Value;
    private readonly OutboxBacklog _queue = new();
    private readonly List<Task<Outcome>> _inFlight = [];
    private readonly List<OutboxCompletion> _completions = [];
    private readonly HashSet<long> _unmarked = [];
    private readonly Dictionary<long, DateTimeOffset> _finished = [];
    private readonly Queue<(long Id, DateTimeOffset At)> _finishedOrder = new();
    private readonly List<OutboxEntry> _superseded = [];
    private (Task Task, List<OutboxCompletion> Batch)? _marking;
    /// <summary>Real time (Environment.TickCount64), like the waits: a test's frozen clock must not stop the polls.</summary>
    private long _nextRead = long.MinValue;
    private long _broadcastAfter;
    private bool _broadcastMayHaveMore;
    private bool _wasPrimary;

    private TimeSpan PollInterval => TimeSpan.FromMilliseconds(instance is SoleInstance ? _options.IdlePollMilliseconds : _options.OtherInstancesPollMilliseconds);

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
                    wait = await RoundAsync(stoppingToken);
                    failures = 0;
                }
                catch (System.Data.Common.DbException error) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database that cannot be read or written (locked, read-only, moved away) must not end the
                    // sender: it looks again, less often, and goes on by itself once the database is back.
                    failures++;
                    wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));
                    _nextRead = long.MinValue;
                    logger.OutboxUnreadable(error.GetType().Name, wait.TotalSeconds);
                }
                await signal.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Let the calls already made finish, and write their marks, so they are not sent again.
            await Task.WhenAll(_inFlight);
            TakeOutcomes(clock.GetUtcNow());
            if (_marking is { } marking)
            {
                await marking.Task;
            }
            if (_completions.Count > 0)
            {
                await MarkAsync([.. _completions]);
            }
        }
    }

    /// <summary>Takes in what happened, reads if due, starts every call that is allowed now; returns how long to wait at most.</summary>
    private async Task<TimeSpan> RoundAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        TakeOutcomes(now);
        if (!instance.IsPrimary)
        {
            // The primary instance sends every instance's rows, within the one rate limit Telegram gives the bot.
            if (_wasPrimary)
            {
                _queue.Clear();
                _wasPrimary = false;
            }
            while (signal.TryTake(out _))
            {
            }
            signal.TakeReadRequest();
            _nextRead = long.MinValue;
            return PollInterval;
        }
        _wasPrimary = true;
        TakeMarked(now);

        var readRequested = signal.TakeReadRequest();
        if (Environment.TickCount64 >= _nextRead)
        {
            await ReadAsync(wholeBroadcastQueue: true, now, cancellationToken);
            _nextRead = Environment.TickCount64 + (long)PollInterval.TotalMilliseconds;
        }
        else if (readRequested || (_broadcastMayHaveMore && _queue.BroadcastCount < BroadcastLowWater))
        {
            await ReadAsync(wholeBroadcastQueue: false, now, cancellationToken);
        }
        // After the reads: an erasure that committed while a read was under way removes what that read brought back.
        TakeNews(now);
        StartMarking();

        while (_inFlight.Count < _options.MaxParallelSends)
        {
            var entry = _queue.Take(now, e => limiter.TryAcquire(e.Message.ChatId, e.Message.CountsTowardsChatLimit), out var wait);
            if (entry is null)
            {
                return Min(wait ?? TimeSpan.MaxValue, UntilNextRead());
            }
            _inFlight.Add(SendAsync(entry));
        }
        // Every slot is busy: a finishing call wakes the loop.
        return UntilNextRead();
    }

    private TimeSpan UntilNextRead() => TimeSpan.FromMilliseconds(Math.Max(0, _nextRead - Environment.TickCount64));

    /// <summary>
    /// Reads the pending replies whole (up to a limit) and the next page of broadcast rows, or the broadcast queue from
    /// its start; decodes only the rows not held already.
    /// </summary>
    private async Task ReadAsync(bool wholeBroadcastQueue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingOutboxRow> replies, broadcasts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxRepository>();
            replies = await outbox.PendingAsync(broadcast: false, 0, ReadLimit, cancellationToken);
            broadcasts = await outbox.PendingAsync(broadcast: true, wholeBroadcastQueue ? 0 : _broadcastAfter, BroadcastPage, cancellationToken);
        }
        foreach (var row in replies.Concat(broadcasts))
        {
            if (IsKnown(row.Id))
            {
                continue;
            }
            OutboxEntry entry;
            try
            {
                entry = row.Decode();
            }
            catch (Exception error) when (error is System.Text.Json.JsonException or InvalidDataException or NotSupportedException)
            {
                // One unreadable row must not stop everyone's messages; it is looked at again after a while.
                logger.RowUnreadable(row.Id, error.GetType().Name);
                Finish(row.Id, now);
                continue;
            }
            Admit(entry, now);
        }
        if (broadcasts.Count > 0)
        {
            _broadcastAfter = Math.Max(_broadcastAfter, broadcasts[^1].Id);
        }
        _broadcastMayHaveMore = broadcasts.Count == BroadcastPage;
    }

    /// <summary>Rows committed by this process, and erasures, in the order they happened.</summary>
    private void TakeNews(DateTimeOffset now)
    {
        while (signal.TryTake(out var news))
        {
            if (news.ErasedChatId is { } chatId)
            {
                foreach (var id in _queue.DropChat(chatId, now, news.ErasedUpToId))
                {
                    Finish(id, now);
                }
                continue;
            }
            foreach (var entry in news.Entries)
            {
                if (!IsKnown(entry.Id))
                {
                    Admit(entry, now);
                }
            }
        }
    }

    private void Admit(OutboxEntry entry, DateTimeOffset now)
    {
        _superseded.Clear();
        _queue.Add(entry, now, _superseded);
        foreach (var older in _superseded)
        {
            _completions.Add(new OutboxCompletion(older.Id, null, Superseded: true));
            _unmarked.Add(older.Id);
        }
    }

    /// <summary>Held, in flight, awaiting its mark, or finished a moment ago (a read may have begun before its mark).</summary>
    private bool IsKnown(long id) => _queue.Contains(id) || _unmarked.Contains(id) || _finished.ContainsKey(id);

    private void Finish(long id, DateTimeOffset now)
    {
        _finished[id] = now;
        _finishedOrder.Enqueue((id, now));
        while (_finishedOrder.TryPeek(out var oldest) && now - oldest.At > RememberFinished)
        {
            _finishedOrder.Dequeue();
            if (_finished.TryGetValue(oldest.Id, out var at) && at == oldest.At)
            {
                _finished.Remove(oldest.Id);
            }
        }
    }

    private void TakeOutcomes(DateTimeOffset now)
    {
        for (var i = _inFlight.Count - 1; i >= 0; i--)
        {
            if (!_inFlight[i].IsCompleted)
            {
                continue;
            }
            var outcome = _inFlight[i].Result;
            _inFlight.RemoveAt(i);
            var entry = outcome.Entry;
            switch (outcome.Kind)
            {
                case OutcomeKind.Sent:
                    _queue.Done(entry, now);
                    _completions.Add(new OutboxCompletion(entry.Id, outcome.TelegramMessageId));
                    _unmarked.Add(entry.Id);
                    break;
                case OutcomeKind.Retry:
                    _queue.Retry(entry, outcome.NotBefore, now);
                    break;
                case OutcomeKind.ChatBlocked:
                    _queue.Done(entry, now);
                    Finish(entry.Id, now);
                    foreach (var id in _queue.DropChat(entry.Message.ChatId, now))
                    {
                        Finish(id, now);
                    }
                    break;
                default:
                    _queue.Done(entry, now);
                    Finish(entry.Id, now);
                    break;
            }
        }
    }

    /// <summary>The marks written by the last transaction: their rows are finished.</summary>
    private void TakeMarked(DateTimeOffset now)
    {
        if (_marking is not { Task.IsCompleted: true } marking)
        {
            return;
        }
        _marking = null;
        foreach (var completion in marking.Batch)
        {
            _unmarked.Remove(completion.Id);
            Finish(completion.Id, now);
        }
    }

    /// <summary>Writes every mark gathered since the last transaction began, unless that one is still being written.</summary>
    private void StartMarking()
    {
        if (_marking is not null || _completions.Count == 0)
        {
            return;
        }
        var batch = _completions.ToList();
        _completions.Clear();
        _marking = (MarkAsync(batch), batch);
    }

    private async Task MarkAsync(List<OutboxCompletion> batch)
    {
        await Task.Yield();
        try
        {
            await RecordAsync((outbox, _, now) => outbox.CompleteAsync(batch, now), CancellationToken.None);
        }
        catch (Exception error)
        {
            // The rows stay pending: a read after they are forgotten (minutes) finds them, and they go out again.
            logger.MarksLost(error, batch.Count);
        }
        signal.Wake();
    }

    private async Task<Outcome> SendAsync(OutboxEntry entry)
    {
        await Task.Yield();
        try
        {
            return await CallAndRecordAsync(entry);
        }
        catch (Exception error)
        {
            // Its outcome could not be recorded: the row stays pending, and a later read finds it again.
            logger.OutcomeLost(error, entry.Id);
            return new Outcome(entry, OutcomeKind.GivenUp);
        }
        finally
        {
            signal.Wake();
        }
    }

    private async Task<Outcome> CallAndRecordAsync(OutboxEntry entry)
    {
        var message = entry.Message;
        Func<OutboxRepository, ChatRepository, DateTimeOffset, Task> record;
        Outcome outcome;
        try
        {
            var sent = await CallAsync(message, CancellationToken.None);
            return new Outcome(entry, OutcomeKind.Sent, sent?.MessageId);
        }
        catch (TelegramApiException error) when (error.IsMessageNotModified)
        {
            return new Outcome(entry, OutcomeKind.Sent, message.MessageId);
        }
        catch (TelegramApiException error) when (error.IsForbidden)
        {
            metrics.Forbidden();
            logger.ChatBlocked(message.ChatId);
            record = async (outbox, chats, now) =>
            {
                await chats.MarkBlockedAsync(message.ChatId, now);
                await outbox.MarkChatBlockedAsync(message.ChatId, now);
            };
            outcome = new Outcome(entry, OutcomeKind.ChatBlocked);
        }
        catch (TelegramApiException error) when (error.IsTooManyRequests)
        {
            metrics.TooManyRequests();
            var retryAfter = TimeSpan.FromSeconds(Math.Max(1, error.RetryAfterSeconds ?? 1));
            limiter.PauseFor(retryAfter);
            logger.SlowDown(retryAfter.TotalSeconds);
            var notBefore = clock.GetUtcNow() + retryAfter;
            record = (outbox, _, _) => outbox.RescheduleAsync(entry.Id, notBefore, "429");
            outcome = new Outcome(entry, OutcomeKind.Retry, NotBefore: notBefore);
        }
        catch (Exception error) when (IsTransient(error) && entry.Attempts + 1 < _options.MaxAttempts)
        {
            var delay = Backoff(entry.Attempts);
            logger.RowRetried(entry.Id, Reason(error), delay.TotalSeconds);
            var notBefore = clock.GetUtcNow() + delay;
            record = (outbox, _, _) => outbox.RescheduleAsync(entry.Id, notBefore, Reason(error));
            outcome = new Outcome(entry, OutcomeKind.Retry, NotBefore: notBefore);
        }
        catch (Exception error)
        {
            // A 4xx other than the ones above (chat not found, bad markup) will not succeed on a retry.
            logger.RowGivenUp(entry.Id, Reason(error));
            var notice = NoticeOfFailure(entry);
            record = async (outbox, _, now) =>
            {
                await outbox.MarkFailedAsync(entry.Id, Reason(error), now);
                if (notice is not null)
                {
                    await outbox.EnqueueOneAsync(notice, now);
                    signal.Notify();
                }
            };
            outcome = new Outcome(entry, OutcomeKind.GivenUp);
        }

        await RecordAsync(record, CancellationToken.None);
        return outcome;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private enum OutcomeKind
    {
        Sent,
        Retry,
        ChatBlocked,
        GivenUp,
    }

    private sealed record Outcome(OutboxEntry Entry, OutcomeKind Kind, int? TelegramMessageId = null, DateTimeOffset NotBefore = default);

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
        OutgoingKind.Send => telegram.SendMessageAsync(message.ChatId, message.Text, message.InlineKeyboard, cancellationToken),
        OutgoingKind.EditText => telegram.EditMessageTextAsync(message.ChatId, message.MessageId ?? 0, message.Text, message.InlineKeyboard, cancellationToken),
        OutgoingKind.EditMarkup => telegram.EditMessageReplyMarkupAsync(message.ChatId, message.MessageId ?? 0, message.InlineKeyboard, cancellationToken),
        OutgoingKind.Delete => DeleteAsync(message, cancellationToken),
        OutgoingKind.Document => telegram.SendDocumentAsync(
            message.ChatId, new OutgoingFile(message.FileName ?? "file", message.FileContent ?? []), Caption(message), message.InlineKeyboard, cancellationToken),
        OutgoingKind.Photo => telegram.SendPhotoAsync(
            message.ChatId, new OutgoingFile(message.FileName ?? "chart.png", message.FileContent ?? []), Caption(message), cancellationToken),
        _ => throw new InvalidOperationException($"Unknown outgoing kind {message.Kind}"),
    };

    private static string? Caption(OutgoingMessage message) => string.IsNullOrEmpty(message.Text) ? null : message.Text;

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

internal static partial class OutboxSenderLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox could not be read ({Reason}); looking again in {DelaySeconds} s")]
    public static partial void OutboxUnreadable(this ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} cannot be read ({Reason}); skipped")]
    public static partial void RowUnreadable(this ILogger logger, long outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} sent outbox rows could not be marked")]
    public static partial void MarksLost(this ILogger logger, Exception error, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId}: the outcome of its call was not recorded")]
    public static partial void OutcomeLost(this ILogger logger, Exception error, long outboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} blocked the bot; its pending messages are dropped")]
    public static partial void ChatBlocked(this ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot API asked to slow down for {RetryAfterSeconds} s")]
    public static partial void SlowDown(this ILogger logger, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} failed ({Reason}); retrying in {DelaySeconds} s")]
    public static partial void RowRetried(this ILogger logger, long outboxId, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} failed for good ({Reason})")]
    public static partial void RowGivenUp(this ILogger logger, long outboxId, string reason);
}
