namespace MentorBot.Bot.Persistence;

public sealed record Invite(string Code, string Role, string? District, string? Region, DateTimeOffset ExpiresAt);

public sealed class InviteRepository(DbSession db)
{
    public Task CreateAsync(Invite invite, long createdBy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO invites (code, role, district, region, created_by, created_at, expires_at)
            VALUES (@Code, @Role, @District, @Region, @CreatedBy, @Now, @ExpiresAt)
            """,
            new { invite.Code, invite.Role, invite.District, invite.Region, CreatedBy = createdBy, Now = now, invite.ExpiresAt }, cancellationToken);

    /// <summary>The invite if it exists, is unused and has not expired; nothing is changed.</summary>
    public Task<Invite?> FindUsableAsync(string code, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<Invite>(
            """
            SELECT code AS Code, role AS Role, district AS District, region AS Region, expires_at AS ExpiresAt FROM invites
            WHERE code = @Code AND used_at IS NULL AND expires_at > @Now
            """,
            new { Code = code, Now = now }, cancellationToken);

    /// <summary>Marks the invite used in one statement, so two people racing for it cannot both succeed.</summary>
    public async Task<Invite?> RedeemAsync(string code, long userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.QuerySingleOrDefaultAsync<Invite>(
            """
            UPDATE invites SET used_by = @UserId, used_at = @Now
            WHERE code = @Code AND used_at IS NULL AND expires_at > @Now
            RETURNING code AS Code, role AS Role, district AS District, region AS Region, expires_at AS ExpiresAt
            """,
            new { Code = code, UserId = userId, Now = now }, cancellationToken);

    public async Task<IReadOnlyList<Invite>> UsedByAsync(long userId, CancellationToken cancellationToken = default) =>
        await db.QueryAsync<Invite>(
            "SELECT code AS Code, role AS Role, district AS District, region AS Region, expires_at AS ExpiresAt FROM invites WHERE used_by = @UserId",
            new { UserId = userId }, cancellationToken);

    /// <summary>Erasure: an invite someone used no longer points at them.</summary>
    public Task ForgetUserAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE invites SET used_by = NULL WHERE used_by = @UserId; UPDATE invites SET created_by = NULL WHERE created_by = @UserId",
            new { UserId = userId }, cancellationToken);
}
