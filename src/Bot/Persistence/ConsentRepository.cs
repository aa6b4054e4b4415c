namespace MentorBot.Bot.Persistence;

public sealed class ConsentRepository(DbSession db)
{
    public async Task<bool> HasConsentedAsync(long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM consents WHERE user_id = @UserId", new { UserId = userId }, cancellationToken) > 0;

    public Task RecordAsync(long userId, string version, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO consents (user_id, version, consented_at) VALUES (@UserId, @Version, @Now)
            ON CONFLICT (user_id) DO UPDATE SET version = excluded.version, consented_at = excluded.consented_at
            """,
            new { UserId = userId, Version = version, Now = now }, cancellationToken);

    public Task<DateTimeOffset?> ConsentedAtAsync(long userId, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<DateTimeOffset?>("SELECT consented_at FROM consents WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);

    public Task DeleteAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM consents WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);
}
