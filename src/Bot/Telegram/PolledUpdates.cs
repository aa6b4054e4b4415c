using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// The updates long polling has received and saved, handled while the receiver fetches the next batch: each chat's in
/// the order they came, one at a time, and chats by turns so that one busy chat does not hold up the others. An update
/// that fails (the database is away) stays at the head of its chat and is tried again.
/// </summary>
public sealed class PolledUpdates(UpdateBatchHandler handler, IOptions<TelegramOptions> options, TimeProvider clock, ILogger<PolledUpdates> logger)
{
    /// <summary>Ten batches ahead of the handlers at most; the rest wait at Telegram, which keeps them for a day.</summary>
    public const int MaxPending = 1_000;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Queue<Update>> _chats = [];
    private readonly Channel<long> _ready = Channel.CreateUnbounded<long>();
    private readonly Channel<bool> _progress = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    public void Add(IEnumerable<Update> updates)
    {
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            var chatId = update.OrderingChatId ?? 0;
            lock (_gate)
            {
                _pending++;
                if (_chats.TryGetValue(chatId, out var queue))
                {
                    queue.Enqueue(update);
                    continue;
                }
                _chats[chatId] = new Queue<Update>([update]);
            }
            _ready.Writer.TryWrite(chatId);
        }
    }

    /// <summary>Returns once fewer than <see cref="MaxPending"/> updates wait.</summary>
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (Pending >= MaxPending)
        {
            await _progress.Reader.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Handles updates as they are added, <see cref="TelegramOptions.MaxConcurrentChats"/> chats at a time, until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentChats)).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var chatId = await _ready.Reader.ReadAsync(cancellationToken);
                await HandleNextAsync(chatId, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleNextAsync(long chatId, CancellationToken cancellationToken)
    {
        Update next;
        lock (_gate)
        {
            next = _chats[chatId].Peek();
        }
        try
        {
            await handler.HandleOneAsync(next, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing of it was committed: it stays first in its chat, and the other chats go on meanwhile.
            logger.UpdateFailed(next.Id, error.GetType().Name, RetryDelay.TotalSeconds);
            _ = RetryLaterAsync(chatId, cancellationToken);
            return;
        }

        bool more;
        lock (_gate)
        {
            var queue = _chats[chatId];
            queue.Dequeue();
            _pending--;
            more = queue.Count > 0;
            if (!more)
            {
                _chats.Remove(chatId);
            }
        }
        if (more)
        {
            // To the back of the line: the chat's next update waits for the chats already waiting.
            _ready.Writer.TryWrite(chatId);
        }
        _progress.Writer.TryWrite(true);
    }

    private async Task RetryLaterAsync(long chatId, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(RetryDelay, clock, cancellationToken);
            _ready.Writer.TryWrite(chatId);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

internal static partial class PolledUpdatesLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} could not be handled ({Reason}); trying again in {DelaySeconds} s")]
    public static partial void UpdateFailed(this ILogger logger, long updateId, string reason, double delaySeconds);
}
