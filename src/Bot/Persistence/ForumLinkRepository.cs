namespace MentorBot.Bot.Persistence;

/// <summary>A multi-use registration link for a forum: whoever opens it registers in <see cref="Role"/> and <see cref="District"/>.</summary>
public sealed record ForumLink(long Id, string Code, string Role, string District, DateTimeOffset ExpiresAt);

public sealed class ForumLinkRepository(DbSession db)
{
    private const string Columns = "SELECT id AS Id, code AS Code, role AS Role, district AS District, expires_at AS ExpiresAt FROM forum_links";

    public Task<long> CreateAsync(string code, string role, string district, long createdBy, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        db.ExecuteScalarAsync<long>(
            """
            INSERT INTO forum_links (code, role, district, created_by, created_at, expires_at)
            VALUES (@Code, @Role, @District, @CreatedBy, @Now, @ExpiresAt)
            RETURNING id
            """,
            new { Code = code, Role = role, District = district, CreatedBy = createdBy, Now = now, ExpiresAt = expiresAt }, cancellationToken);

    /// <summary>The link if it exists, has not expired and was not revoked.</summary>
    public Task<ForumLink?> FindUsableAsync(string code, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<ForumLink>($"{Columns} WHERE code = @Code AND revoked_at IS NULL AND expires_at > @Now", new { Code = code, Now = now }, cancellationToken);

    public Task<ForumLink?> FindUsableAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<ForumLink>($"{Columns} WHERE id = @Id AND revoked_at IS NULL AND expires_at > @Now", new { Id = id, Now = now }, cancellationToken);

    /// <summary>Counts an opening, for the coordinator's tally; no one is recorded.</summary>
    public Task CountOpeningAsync(long id, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE forum_links SET opened = opened + 1 WHERE id = @Id", new { Id = id }, cancellationToken);

    public async Task<long> OpenedAsync(long id, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT opened FROM forum_links WHERE id = @Id", new { Id = id }, cancellationToken);

    public async Task<bool> RevokeAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE forum_links SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL", new { Id = id, Now = now }, cancellationToken) == 1;

    /// <summary>The district of a link, revoked or not; for checking who may revoke it.</summary>
    public Task<string?> DistrictOfAsync(long id, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<string?>("SELECT district FROM forum_links WHERE id = @Id", new { Id = id }, cancellationToken);

    /// <summary>Erasure: the links a coordinator made stay usable, without naming them.</summary>
    public Task ForgetCreatorAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE forum_links SET created_by = NULL WHERE created_by = @UserId", new { UserId = userId }, cancellationToken);
}
