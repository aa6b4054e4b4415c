namespace MentorBot.Bot.Persistence;

/// <summary>The ids of updates whose effects are committed, so a redelivery is recognised.</summary>
public sealed class ProcessedUpdateRepository(DbSession db)
{
    /// <summary>Records the id; false when it was recorded before (a duplicate delivery).</summary>
    public async Task<bool> TryMarkAsync(long updateId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            "INSERT INTO processed_updates (update_id, processed_at) VALUES (@UpdateId, @Now) ON CONFLICT (update_id) DO NOTHING",
            new { UpdateId = updateId, Now = now }, cancellationToken) == 1;

    /// <summary>The highest id recorded, or 0: where the console chat continues numbering its own updates.</summary>
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long?>("SELECT MAX(update_id) FROM processed_updates", cancellationToken: cancellationToken) ?? 0;

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM processed_updates WHERE processed_at < @OlderThan", new { OlderThan = olderThan }, cancellationToken);
}
