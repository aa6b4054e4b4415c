namespace MentorBot.Bot.Persistence;

/// <summary>A coordinator and the districts they see; a region means every district of it.</summary>
public sealed record CoordinatorRecord(long UserId, string DisplayName, string? Region, IReadOnlyList<string> Districts, string Source);

public sealed class CoordinatorRepository(DbSession db)
{
    public async Task<CoordinatorRecord?> FindAsync(long userId, CancellationToken cancellationToken = default)
    {
        var row = await db.QuerySingleOrDefaultAsync<(long UserId, string DisplayName, string? Region, string Source)?>(
            "SELECT user_id, display_name, region, source FROM coordinators WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);
        if (row is not { } coordinator)
        {
            return null;
        }
        var districts = await db.QueryAsync<string>(
            "SELECT district FROM coordinator_districts WHERE user_id = @UserId ORDER BY district", new { UserId = userId }, cancellationToken);
        return new CoordinatorRecord(coordinator.UserId, coordinator.DisplayName, coordinator.Region, districts, coordinator.Source);
    }

    public async Task<IReadOnlyList<long>> CoveringAsync(string district, string region, CancellationToken cancellationToken = default) =>
        await db.QueryAsync<long>(
            """
            SELECT user_id FROM coordinators WHERE region = @Region
            UNION SELECT user_id FROM coordinator_districts WHERE district = @District
            ORDER BY 1
            """,
            new { District = district, Region = region }, cancellationToken);

    /// <summary>Creates or widens a coordinator; districts are added, never removed.</summary>
    public async Task UpsertAsync(CoordinatorRecord coordinator, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await db.ExecuteAsync(
            """
            INSERT INTO coordinators (user_id, display_name, region, source, created_at) VALUES (@UserId, @DisplayName, @Region, @Source, @Now)
            ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, region = COALESCE(excluded.region, coordinators.region)
            """,
            new { coordinator.UserId, coordinator.DisplayName, coordinator.Region, coordinator.Source, Now = now }, cancellationToken);
        foreach (var district in coordinator.Districts)
        {
            await db.ExecuteAsync(
                "INSERT INTO coordinator_districts (user_id, district) VALUES (@UserId, @District) ON CONFLICT DO NOTHING",
                new { coordinator.UserId, District = district }, cancellationToken);
        }
    }

    public Task DeleteAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM coordinator_districts WHERE user_id = @UserId; DELETE FROM coordinators WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken);
}
