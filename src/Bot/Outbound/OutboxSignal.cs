using System.Collections.Concurrent;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// What the sender learns in memory instead of reading the outbox: rows as their transaction commits (with their
/// calls, so nothing is read back or decoded again), chats whose rows were erased, and a request to read the table
/// for rows written without this hand-over (a broadcast's recipients, another instance's rows). Each wakes the sender.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private readonly ConcurrentQueue<OutboxEvent> _events = new();
    private int _readRequested;

    /// <summary>Rows were committed that only the database knows of: the sender reads the outbox.</summary>
    public void Notify()
    {
        Interlocked.Exchange(ref _readRequested, 1);
        Wake();
    }

    /// <summary>These rows are committed and pending; hands them to the sender.</summary>
    public void Committed(IReadOnlyList<OutboxEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        _events.Enqueue(new OutboxEvent(entries, null));
        Wake();
    }

    /// <summary>The chat's rows were deleted (erasure): whatever the sender holds for it must not go out.</summary>
    public void ChatErased(long chatId, long upToId)
    {
        _events.Enqueue(new OutboxEvent([], chatId, upToId));
        Wake();
    }

    /// <summary>Wakes the sender without news, e.g. when one of its own calls has finished.</summary>
    public void Wake()
    {
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another notifier got there first; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    /// <summary>Whether someone asked for a read since the last call; the request is taken.</summary>
    internal bool TakeReadRequest() => Interlocked.Exchange(ref _readRequested, 0) == 1;

    internal bool TryTake(out OutboxEvent news) => _events.TryDequeue(out news!);

    public void Dispose() => _pending.Dispose();
}

/// <summary>
/// Rows committed, or (with <see cref="ErasedChatId"/>) a chat's rows erased, those up to <see cref="ErasedUpToId"/>;
/// in the order they happened.
/// </summary>
internal sealed record OutboxEvent(IReadOnlyList<OutboxEntry> Entries, long? ErasedChatId, long ErasedUpToId = 0);
