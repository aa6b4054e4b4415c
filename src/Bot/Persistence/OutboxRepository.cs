using System.Text.Json;
using MentorBot.Bot.Outbound;

namespace MentorBot.Bot.Persistence;

/// <summary>A pending outbox row, with its call decoded.</summary>
public sealed record OutboxEntry(long Id, OutgoingMessage Message, int Attempts);

public sealed class OutboxRepository(DbSession db)
{
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
    /// so one chat's messages arrive in the order they were written.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var rows = await db.QueryAsync<(long Id, string Payload, long Attempts)>(
            """
            SELECT o.id, o.payload, o.attempts FROM outbox o
            WHERE o.status = 'pending' AND o.not_before <= @Now
              AND NOT EXISTS (SELECT 1 FROM outbox earlier WHERE earlier.chat_id = o.chat_id AND earlier.status = 'pending' AND earlier.id < o.id)
            ORDER BY o.id LIMIT @Limit
            """,
            new { Now = now, Limit = limit }, cancellationToken);
        return rows.Select(r => new OutboxEntry(r.Id, Deserialize(r.Payload), (int)r.Attempts)).ToList();
    }

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
