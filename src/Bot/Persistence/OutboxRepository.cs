using System.Text.Json;
using MentorBot.Bot.Outbound;

namespace MentorBot.Bot.Persistence;

/// <summary>A pending outbox row, with its call decoded.</summary>
/// <param name="IsBroadcast">Part of a coordinator's announcement rather than an answer to what the person did.</param>
/// <param name="NotBefore">Not to be sent before this moment (a retry's backoff); default means now.</param>
public sealed record OutboxEntry(long Id, OutgoingMessage Message, int Attempts, bool IsBroadcast = false, DateTimeOffset NotBefore = default);

/// <summary>A pending row as read, its call still encoded: a reader that already holds the row skips the decoding.</summary>
public sealed record PendingOutboxRow(long Id, string Payload, int Attempts, bool IsBroadcast, DateTimeOffset NotBefore)
{
    public OutboxEntry Decode() => new(Id, OutboxRepository.Deserialize(Payload), Attempts, IsBroadcast, NotBefore);
}

/// <summary>A row whose call Telegram accepted (with the message id it gave), or an edit that a newer one made moot.</summary>
public readonly record struct OutboxCompletion(long Id, int? TelegramMessageId, bool Superseded = false);

public sealed class OutboxRepository(DbSession db, OutboxSignal signal)
{
    /// <summary>Failed attempts (about 7 s of backoff) after which a row no longer keeps its chat's later rows waiting.</summary>
    public const int AttemptsBeforeOvertaken = 3;

    /// <summary>Writes the rows and returns their ids, in order.</summary>
    public async Task<IReadOnlyList<long>> EnqueueAsync(IEnumerable<OutgoingMessage> messages, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>();
        foreach (var message in messages)
        {
            ids.Add(await EnqueueOneAsync(message, now, cancellationToken));
        }
        return ids;
    }

    /// <summary>
    /// Pending rows of one queue in id order: the replies, edits and notices (<paramref name="broadcast"/> false), or the
    /// broadcasts' rows, after <paramref name="afterId"/>, due or not. ix_outbox_queue walks them in this order.
    /// </summary>
    public async Task<IReadOnlyList<PendingOutboxRow>> PendingAsync(bool broadcast, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await db.QueryAsync<(long Id, string Payload, long Attempts, long NotBefore)>(
            """
            SELECT id, payload, attempts, not_before FROM outbox
            WHERE status = 'pending' AND (broadcast_id IS NOT NULL) = (@Broadcast = 1) AND id > @AfterId
            ORDER BY id LIMIT @Limit
            """,
            new { Broadcast = broadcast ? 1 : 0, AfterId = afterId, Limit = limit }, cancellationToken);
        return rows.Select(r => new PendingOutboxRow(r.Id, r.Payload, (int)r.Attempts, broadcast, DateTimeOffset.FromUnixTimeMilliseconds(r.NotBefore))).ToList();
    }

    /// <summary>Records many calls' outcomes in one transaction: one wait for the write gate and one commit, not one per call.</summary>
    public Task CompleteAsync(IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var sent = completions.Where(c => !c.Superseded).Select(c => new { c.Id, MessageId = c.TelegramMessageId, Now = now }).ToList();
            if (sent.Count > 0)
            {
                await db.ExecuteAsync(
                    "UPDATE outbox SET status = 'sent', payload = '', completed_at = @Now, telegram_message_id = @MessageId, attempts = attempts + 1 WHERE id = @Id AND status = 'pending'",
                    sent, cancellationToken);
            }
            var superseded = completions.Where(c => c.Superseded).Select(c => new { c.Id, Now = now }).ToList();
            if (superseded.Count > 0)
            {
                await db.ExecuteAsync(
                    "UPDATE outbox SET status = 'superseded', payload = '', completed_at = @Now WHERE id = @Id AND status = 'pending'",
                    superseded, cancellationToken);
            }
            return true;
        }, cancellationToken);

    /// <summary>One row, like <see cref="EnqueueAsync"/>; its id finds the Telegram message id once it is sent.</summary>
    public async Task<long> EnqueueOneAsync(OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before, created_at)
            VALUES (@ChatId, @Kind, @Payload, 'pending', 0, @Now, @Now) RETURNING id
            """,
            new { message.ChatId, Kind = message.Kind.ToString(), Payload = Serialize(message), Now = now },
            cancellationToken);
        // The sender gets the row from memory once it is durable, without reading it back.
        db.AfterCommit(() => signal.Committed([new OutboxEntry(id, message, 0, NotBefore: now)]));
        return id;
    }

    /// <summary>
    /// A broadcast's rows, one per chat: a chat that already has a row of this broadcast is skipped (a resumed
    /// broadcast writes nobody twice), and a chat known to have blocked the bot gets its row as 'blocked' at once.
    /// </summary>
    public Task<int> EnqueueBroadcastAsync(long broadcastId, IEnumerable<OutgoingMessage> messages, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before, created_at, completed_at, broadcast_id)
            SELECT @ChatId, @Kind, CASE WHEN c.blocked THEN '' ELSE @Payload END, CASE WHEN c.blocked THEN 'blocked' ELSE 'pending' END,
                   0, @Now, @Now, CASE WHEN c.blocked THEN @Now END, @BroadcastId
            FROM (SELECT EXISTS (SELECT 1 FROM chats WHERE chat_id = @ChatId AND is_blocked = 1) AS blocked) c
            WHERE true
            ON CONFLICT DO NOTHING
            """,
            messages.Select(m => new { m.ChatId, Kind = m.Kind.ToString(), Payload = Serialize(m), Now = now, BroadcastId = broadcastId }),
            cancellationToken);

    /// <summary>A broadcast's rows by status: pending, sent, blocked, failed.</summary>
    public async Task<IReadOnlyDictionary<string, int>> BroadcastStatusesAsync(long broadcastId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(string Status, long Count)>(
            "SELECT status, COUNT(*) FROM outbox WHERE broadcast_id = @BroadcastId GROUP BY status", new { BroadcastId = broadcastId }, cancellationToken))
        .ToDictionary(r => r.Status, r => (int)r.Count, StringComparer.Ordinal);

    public Task<long> PendingCountAsync(CancellationToken cancellationToken = default) =>
        db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'pending'", cancellationToken: cancellationToken);

    public Task MarkSentAsync(long id, int? telegramMessageId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "UPDATE outbox SET status = 'sent', payload = '', completed_at = @Now, telegram_message_id = @MessageId, attempts = attempts + 1 WHERE id = @Id",
            new { Id = id, MessageId = telegramMessageId, Now = now }, cancellationToken);

    public Task MarkFailedAsync(long id, string error, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "UPDATE outbox SET status = 'failed', payload = '', completed_at = @Now, error = @Error, attempts = attempts + 1 WHERE id = @Id",
            new { Id = id, Error = error, Now = now }, cancellationToken);

    /// <summary>The chat blocked the bot: this row and every other pending row for it are given up.</summary>
    public Task MarkChatBlockedAsync(long chatId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "UPDATE outbox SET status = 'blocked', payload = '', completed_at = @Now WHERE chat_id = @ChatId AND status = 'pending'",
            new { ChatId = chatId, Now = now }, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset notBefore, string error, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, not_before = @NotBefore, error = @Error WHERE id = @Id",
            new { Id = id, NotBefore = notBefore, Error = error }, cancellationToken);

    public async Task<int?> SentMessageIdAsync(long id, CancellationToken cancellationToken = default) =>
        (int?)await db.ExecuteScalarAsync<long?>("SELECT telegram_message_id FROM outbox WHERE id = @Id", new { Id = id }, cancellationToken);

    /// <summary>Erasure: every message to the chat, sent or not, carries what was said to the person.</summary>
    public async Task DeleteForChatAsync(long chatId, CancellationToken cancellationToken = default)
    {
        var erasedUpTo = await db.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM outbox WHERE chat_id = @ChatId", new { ChatId = chatId }, cancellationToken) ?? 0;
        await db.ExecuteAsync("DELETE FROM outbox WHERE chat_id = @ChatId", new { ChatId = chatId }, cancellationToken);
        // The sender may hold the chat's pending rows in memory; once the deletion is durable they must not go out.
        // Rows written later (a reply in the same transaction, or after it) are not the erased ones and must.
        db.AfterCommit(() => signal.ChatErased(chatId, erasedUpTo));
    }

    /// <summary>Completed rows keep no text (it is cleared when a row completes); the rows themselves go after a while.</summary>
    public Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM outbox WHERE status <> 'pending' AND completed_at < @OlderThan", new { OlderThan = olderThan }, cancellationToken);

    internal static string Serialize(OutgoingMessage message) => JsonSerializer.Serialize(message, OutboundJsonContext.Default.OutgoingMessage);

    internal static OutgoingMessage Deserialize(string payload) =>
        JsonSerializer.Deserialize(payload, OutboundJsonContext.Default.OutgoingMessage) ?? throw new InvalidDataException("Empty outbox payload.");
}
