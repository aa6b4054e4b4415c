using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// The pending outbox rows the sender holds in memory, and the order it sends them in. Each chat's rows form a line,
/// one call in flight per chat. Across chats the next call is the one of highest rank: replies to what people did
/// first, then bulk work no one waits on (a keyboard's update after a press), then broadcasts; by row id within a rank.
/// Within a chat a row waits for the chat's earlier rows of its rank or above, so one person's messages keep their order,
/// while a reply overtakes that person's pending keyboard update or broadcast. A row that keeps failing stops holding
/// up its chat after <see cref="OutboxRepository.AttemptsBeforeOvertaken"/> attempts. A newer edit of a message replaces
/// an older one that is still waiting. Not thread-safe: the sender's loop is its only user.
/// </summary>
public sealed class OutboxBacklog
{
    private readonly Dictionary<long, ChatLine> _chats = [];
    private readonly SortedSet<Rank> _ready = [];
    private readonly PriorityQueue<long, DateTimeOffset> _sleeping = new();
    private readonly Dictionary<(long ChatId, int MessageId), OutboxEntry> _waitingEdits = [];
    private readonly HashSet<long> _ids = [];

    /// <summary>Rows held, in flight included.</summary>
    public int Count => _ids.Count;

    /// <summary>Broadcast rows held, in flight included.</summary>
    public int BroadcastCount { get; private set; }

    public bool Contains(long id) => _ids.Contains(id);

    /// <summary>
    /// Takes a row in; false when it is held already. An older edit of the same message that it replaces (a newer
    /// text, or a newer keyboard replacing an older keyboard) leaves the queue and is returned in <paramref name="superseded"/>;
    /// so is the new row itself when a newer edit is held already.
    /// </summary>
    public bool Add(OutboxEntry entry, DateTimeOffset now, List<OutboxEntry> superseded)
    {
        if (!_ids.Add(entry.Id))
        {
            return false;
        }
        var message = entry.Message;
        if (!_chats.TryGetValue(message.ChatId, out var line))
        {
            _chats[message.ChatId] = line = new ChatLine(message.ChatId);
        }
        if (message.IsEdit && message.MessageId is { } messageId)
        {
            var key = (message.ChatId, messageId);
            if (_waitingEdits.TryGetValue(key, out var other) && line.InFlightId != other.Id)
            {
                var (older, newer) = other.Id < entry.Id ? (other, entry) : (entry, other);
                if (newer.Message.Kind == OutgoingKind.EditText || newer.Message.Kind == older.Message.Kind)
                {
                    superseded.Add(older);
                    if (older == other)
                    {
                        Remove(line, other);
                    }
                    else
                    {
                        _ids.Remove(entry.Id);
                        return true;
                    }
                }
            }
            _waitingEdits[key] = entry.Id > (other?.Id ?? 0) || !_ids.Contains(other!.Id) ? entry : other;
        }
        line.Insert(entry);
        if (entry.IsBroadcast)
        {
            BroadcastCount++;
        }
        Refresh(line, now);
        return true;
    }

    /// <summary>
    /// The next row to send now, if any: <paramref name="acquire"/> is asked for its slot, and a chat that must wait for
    /// its own limit is passed over until then. Null when nothing can go now; <paramref name="wait"/> then says when to
    /// look again (null: not before something new happens).
    /// </summary>
    public OutboxEntry? Take(DateTimeOffset now, Func<OutboxEntry, RateWait> acquire, out TimeSpan? wait)
    {
        WakeSleepers(now);
        while (_ready.Count > 0)
        {
            var rank = _ready.Min;
            var line = _chats[rank.ChatId];
            var entry = line.Rows.First(r => r.Id == rank.Id);
            var slot = acquire(entry);
            if (slot.MustWait && slot.IsGlobal)
            {
                wait = slot.Wait;
                return null;
            }
            _ready.Remove(rank);
            line.ReadyRank = null;
            if (slot.MustWait)
            {
                Sleep(line, now + slot.Wait);
                continue;
            }
            line.InFlightId = entry.Id;
            if (entry.Message is { IsEdit: true, MessageId: { } messageId } && _waitingEdits.TryGetValue((entry.Message.ChatId, messageId), out var edit) && edit.Id == entry.Id)
            {
                _waitingEdits.Remove((entry.Message.ChatId, messageId));
            }
            wait = null;
            return entry;
        }
        wait = _sleeping.TryPeek(out _, out var at) ? at - now : null;
        return null;
    }

    /// <summary>The row taken by <see cref="Take"/> is done (sent, given up): it leaves, and its chat goes on.</summary>
    public void Done(OutboxEntry entry, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(entry.Message.ChatId, out var line))
        {
            return;
        }
        if (line.InFlightId == entry.Id)
        {
            line.InFlightId = null;
        }
        Remove(line, entry);
        Refresh(line, now);
    }

    /// <summary>The row taken by <see cref="Take"/> failed and is tried again at <paramref name="notBefore"/>.</summary>
    public void Retry(OutboxEntry entry, DateTimeOffset notBefore, DateTimeOffset now)
    {
        if (!_chats.TryGetValue(entry.Message.ChatId, out var line))
        {
            return;
        }
        line.InFlightId = null;
        var index = line.Rows.FindIndex(r => r.Id == entry.Id);
        if (index >= 0)
        {
            line.Rows[index] = entry with { Attempts = entry.Attempts + 1, NotBefore = notBefore };
        }
        Refresh(line, now);
    }

    /// <summary>
    /// Forgets the chat's rows that are not in flight (it blocked the bot, or was erased), those up to
    /// <paramref name="upToId"/> only, since rows written after an erasure are not erased; returns their ids.
    /// </summary>
    public IReadOnlyList<long> DropChat(long chatId, DateTimeOffset now, long upToId = long.MaxValue)
    {
        if (!_chats.TryGetValue(chatId, out var line))
        {
            return [];
        }
        var dropped = line.Rows.Where(r => r.Id != line.InFlightId && r.Id <= upToId).ToList();
        foreach (var row in dropped)
        {
            Remove(line, row);
        }
        Refresh(line, now);
        return dropped.Select(r => r.Id).ToList();
    }

    /// <summary>Forgets everything (this instance stopped being the one that sends); in-flight rows included.</summary>
    public void Clear()
    {
        _chats.Clear();
        _ready.Clear();
        _sleeping.Clear();
        _waitingEdits.Clear();
        _ids.Clear();
        BroadcastCount = 0;
    }

    private void Remove(ChatLine line, OutboxEntry entry)
    {
        var index = line.Rows.FindIndex(r => r.Id == entry.Id);
        if (index < 0)
        {
            return;
        }
        var row = line.Rows[index];
        line.Rows.RemoveAt(index);
        _ids.Remove(row.Id);
        if (row.IsBroadcast)
        {
            BroadcastCount--;
        }
        if (row.Message is { IsEdit: true, MessageId: { } messageId } && _waitingEdits.TryGetValue((row.Message.ChatId, messageId), out var edit) && edit.Id == row.Id)
        {
            _waitingEdits.Remove((row.Message.ChatId, messageId));
        }
    }

    /// <summary>Puts the chat where it belongs: ready with its next row, asleep until a row is due, or gone when empty.</summary>
    private void Refresh(ChatLine line, DateTimeOffset now)
    {
        if (line.ReadyRank is { } rank)
        {
            _ready.Remove(rank);
            line.ReadyRank = null;
        }
        if (line.InFlightId is not null)
        {
            return;
        }
        if (line.Rows.Count == 0)
        {
            _chats.Remove(line.ChatId);
            return;
        }
        if (line.SleepUntil > now)
        {
            return;
        }
        DateTimeOffset? soonest = null;
        foreach (var row in line.Rows)
        {
            if (row.NotBefore <= now)
            {
                line.ReadyRank = new Rank(RankOf(row), row.Id, line.ChatId);
                _ready.Add(line.ReadyRank.Value);
                return;
            }
            soonest = soonest is { } s && s < row.NotBefore ? s : row.NotBefore;
            if (row.Attempts < OutboxRepository.AttemptsBeforeOvertaken)
            {
                break;
            }
        }
        if (soonest is { } at)
        {
            Sleep(line, at);
        }
    }

    private void Sleep(ChatLine line, DateTimeOffset until)
    {
        line.SleepUntil = until;
        _sleeping.Enqueue(line.ChatId, until);
    }

    private void WakeSleepers(DateTimeOffset now)
    {
        while (_sleeping.TryPeek(out var chatId, out var at) && at <= now)
        {
            _sleeping.Dequeue();
            if (_chats.TryGetValue(chatId, out var line) && line.SleepUntil == at)
            {
                line.SleepUntil = default;
                Refresh(line, now);
            }
        }
    }

    private static int RankOf(OutboxEntry entry) => entry.IsBroadcast ? 2 : entry.Message.IsBulk ? 1 : 0;

    private readonly record struct Rank(int Class, long Id, long ChatId) : IComparable<Rank>
    {
        public int CompareTo(Rank other) => Class != other.Class ? Class.CompareTo(other.Class) : Id.CompareTo(other.Id);
    }

    private sealed class ChatLine(long chatId)
    {
        public long ChatId { get; } = chatId;

        /// <summary>By rank, then id: the order the chat's rows go in.</summary>
        public List<OutboxEntry> Rows { get; } = [];

        public long? InFlightId { get; set; }
        public Rank? ReadyRank { get; set; }
        public DateTimeOffset SleepUntil { get; set; }

        public void Insert(OutboxEntry entry)
        {
            var rank = RankOf(entry);
            var index = Rows.FindLastIndex(r => RankOf(r) < rank || (RankOf(r) == rank && r.Id < entry.Id));
            Rows.Insert(index + 1, entry);
        }
    }
}
