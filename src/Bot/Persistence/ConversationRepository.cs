using MentorBot.Bot.Conversations;

namespace MentorBot.Bot.Persistence;

public sealed class ConversationRepository(DbSession db)
{
    public Task<ConversationState?> FindAsync(long userId, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<ConversationState>(
            "SELECT state AS Name, draft AS Draft, history AS History FROM conversations WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken);

    public Task SaveAsync(long userId, ConversationState state, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO conversations (user_id, state, draft, history, updated_at) VALUES (@UserId, @Name, @Draft, @History, @Now)
            ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, draft = excluded.draft, history = excluded.history, updated_at = excluded.updated_at
            """,
            new { UserId = userId, state.Name, state.Draft, state.History, Now = now }, cancellationToken);

    public Task ClearAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM conversations WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);
}
