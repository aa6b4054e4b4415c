using System.Text.Json;
using MentorBot.Bot.Outbound;

namespace MentorBot.Bot.Persistence;

/// <summary>A pending outbox row, with its call decoded.</summary>
/// <param name="IsBroadcast">Part of a coordinator's announcement rather than an answer to what the person did.</param>
public sealed record OutboxEntry(long Id, OutgoingMessage Message, int Attempts, bool IsBroadcast = false);

public sealed class OutboxRepository(DbSession db)
{
    /// <summary>Failed attempts (about 7 s of backoff) after which a row no longer keeps its chat's later rows waiting.</summary>
    public const int AttemptsBeforeOvertaken = 3;

    public async Task EnqueueAsync(IEnumerable<OutgoingMessage> messages, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        foreach (var message in messages)
        {
            await db.ExecuteAsync(
                """
                INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before, created_at)
                VALUES (@ChatId, @Kind, @Payload, 'pending', 0, @Now, @Now)
                """,
                new { message.ChatId, Kind = message.Kind.ToString(), Payload = Serialize(message), Now = now },
                cancellationToken);
        }
    }

    /// <summary>
    /// The oldest due rows that head their chat's queue: a chat's later row waits until the earlier one is done,
    /// so one chat's messages arrive in the order they were written. Broadcast rows come after all others and hold
    /// none of them up, so replies, edits and progress messages overtake a broadcast of thousands.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        // The unary plus keeps SQLite from ranging over not_before, so it walks ix_outbox_queue in the ORDER BY's
        // order and stops at the limit instead of sorting every pending row.
        // A row that keeps failing stops holding up the chat after a few attempts: the messages after it overtake it,
        // rather than wait for it to be delivered or given up.
        var rows = await db.QueryAsync<(long Id, string Payload, long Attempts, long IsBroadcast)>(
            """
            SELECT o.id, o.payload, o.attempts, CASE WHEN o.broadcast_id IS NULL THEN 0 ELSE 1 END FROM outbox o
            WHERE o.status = 'pending' AND +o.not_before <= @Now
              AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.chat_id = o.chat_id AND earlier.status = 'pending' AND earlier.id < o.id
                              AND earlier.attempts < @AttemptsBeforeOvertaken
                              AND (earlier.broadcast_id IS NULL OR o.broadcast_id IS NOT NULL))
            ORDER BY (o.broadcast_id IS NOT NULL), o.id LIMIT @Limit
            """,
            new { Now = now, Limit = limit, AttemptsBeforeOvertaken }, cancellationToken);
        return rows.Select(r => new OutboxEntry(r.Id, Deserialize(r.Payload), (int)r.Attempts, r.IsBroadcast != 0)).ToList();
    }

    /// <summary>One row, like <see cref="EnqueueAsync"/>; its id finds the Telegram message id once it is sent.</summary>
    public Task<long> EnqueueOneAsync(OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteScalarAsync<long>(
            """
            INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before, created_at)
            VALUES (@ChatId, @Kind, @Payload, 'pending', 0, @Now, @Now) RETURNING id
            """,
            new { message.ChatId, Kind = message.Kind.ToString(), Payload = Serialize(message), Now = now },
            cancellationToken);

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
    public Task DeleteForChatAsync(long chatId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM outbox WHERE chat_id = @ChatId", new { ChatId = chatId }, cancellationToken);

    /// <summary>Completed rows keep no text (it is cleared when a row completes); the rows themselves go after a while.</summary>
    public Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM outbox WHERE status <> 'pending' AND completed_at < @OlderThan", new { OlderThan = olderThan }, cancellationToken);

    private static string Serialize(OutgoingMessage message) => JsonSerializer.Serialize(message, OutboundJsonContext.Default.OutgoingMessage);

    private static OutgoingMessage Deserialize(string payload) =>
        JsonSerializer.Deserialize(payload, OutboundJsonContext.Default.OutgoingMessage) ?? throw new InvalidDataException("Empty outbox payload.");
}
