namespace MentorBot.Bot.Persistence;

/// <summary>Whether the bot can still write to a chat.</summary>
public sealed class ChatRepository(DbSession db)
{
    public Task MarkBlockedAsync(long chatId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO chats (chat_id, is_blocked, updated_at) VALUES (@ChatId, 1, @Now)
            ON CONFLICT (chat_id) DO UPDATE SET is_blocked = 1, updated_at = excluded.updated_at
            """,
            new { ChatId = chatId, Now = now }, cancellationToken);

    /// <summary>The person wrote to the bot, so they have unblocked it. Only a known chat is touched.</summary>
    public Task MarkActiveAsync(long chatId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "UPDATE chats SET is_blocked = 0, updated_at = @Now WHERE chat_id = @ChatId AND is_blocked = 1",
            new { ChatId = chatId, Now = now }, cancellationToken);

    public async Task<bool> IsBlockedAsync(long chatId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long?>("SELECT is_blocked FROM chats WHERE chat_id = @ChatId", new { ChatId = chatId }, cancellationToken) == 1;


    public Task DeleteAsync(long chatId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM chats WHERE chat_id = @ChatId", new { ChatId = chatId }, cancellationToken);
}
