using Dapper;

namespace MentorBot.Bot.Persistence;

/// <summary>Whether «Написать» hands out the contact, and whether /find shows the person (null: as their role has it).</summary>
public sealed record NetworkSettings(bool AllowContact, bool? Listed);

/// <summary>What a /find looks for; words are already normalised, at most <see cref="NetworkingRepository.MaxWords"/>.</summary>
public sealed record DirectoryQuery(long Viewer, string? ViewerDistrict, string? Code, string? District, IReadOnlyList<string> Words);

/// <summary>A person's latest search, as stored for its page buttons.</summary>
public sealed record SavedSearch(long Stamp, string? Code, string? District, string? Query);

public enum IntroductionStatus
{
    Pending,
    Accepted,
    Declined,
}

public sealed record Introduction(long Id, long RequesterId, string? RequesterUsername, long AddresseeId, IntroductionStatus Status, DateTimeOffset CreatedAt);

/// <summary>A profile whose search entry is missing or older than the profile.</summary>
public sealed record StaleSearchEntry(long UserId, string School, string Settlement, string Note, DateTimeOffset UpdatedAt);

/// <summary>Networking settings, the directory search and introductions.</summary>
public sealed class NetworkingRepository(DbSession db)
{
    public const int MaxWords = 5;

    /// <summary>
    /// Who /find may show: approved flagships unless they opted out, young directors who opted in; never pending or
    /// rejected flagships. <c>p</c> is the profile, <c>s</c> the settings.
    /// </summary>
    private const string Findable =
        """
        FROM people p LEFT JOIN network_settings s ON s.user_id = p.user_id
        WHERE (p.role = 'Flagship' AND p.status = 'Approved' AND COALESCE(s.listed, 1) = 1
               OR p.role = 'Young' AND p.status = 'Active' AND COALESCE(s.listed, 0) = 1)
        """;

    private const string Matching =
        $"""
        {Findable}
          AND p.user_id <> @Viewer
          AND (@District IS NULL OR p.district = @District)
          AND (@Code IS NULL OR EXISTS (SELECT 1 FROM person_codes c WHERE c.user_id = p.user_id AND c.code = @Code
                                        AND c.kind = CASE p.role WHEN 'Flagship' THEN 'Strength' ELSE 'Offer' END))
          AND (@W0 IS NULL OR EXISTS (SELECT 1 FROM network_search_index i WHERE i.user_id = p.user_id
                                      AND instr(i.text, @W0) > 0 AND (@W1 IS NULL OR instr(i.text, @W1) > 0)
                                      AND (@W2 IS NULL OR instr(i.text, @W2) > 0) AND (@W3 IS NULL OR instr(i.text, @W3) > 0)
                                      AND (@W4 IS NULL OR instr(i.text, @W4) > 0)))
        """;

    public async Task<NetworkSettings> SettingsAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<SettingsRow>(
            "SELECT allow_contact AS AllowContact, listed AS Listed FROM network_settings WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken))?.ToSettings()
        ?? new NetworkSettings(false, null);

    public Task SetAllowContactAsync(long userId, bool allow, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO network_settings (user_id, allow_contact, updated_at) VALUES (@UserId, @Allow, @Now)
            ON CONFLICT (user_id) DO UPDATE SET allow_contact = excluded.allow_contact, updated_at = excluded.updated_at
            """,
            new { UserId = userId, Allow = allow, Now = now }, cancellationToken);

    public Task SetListedAsync(long userId, bool listed, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO network_settings (user_id, listed, updated_at) VALUES (@UserId, @Listed, @Now)
            ON CONFLICT (user_id) DO UPDATE SET listed = excluded.listed, updated_at = excluded.updated_at
            """,
            new { UserId = userId, Listed = listed, Now = now }, cancellationToken);

    /// <summary>Whether /find may show this person now.</summary>
    public async Task<bool> IsFindableAsync(long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) {Findable} AND p.user_id = @UserId", new { UserId = userId }, cancellationToken) > 0;

    public async Task<int> CountAsync(DirectoryQuery query, CancellationToken cancellationToken = default) =>
        (int)await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) {Matching}", Parameters(query), cancellationToken);

    /// <summary>One page of matches: the viewer's district first, then flagships, then by name.</summary>
    public Task<IReadOnlyList<long>> PageAsync(DirectoryQuery query, int offset, int limit, CancellationToken cancellationToken = default) =>
        db.QueryAsync<long>(
            $"""
            SELECT p.user_id {Matching}
            ORDER BY p.district = @ViewerDistrict DESC, p.role = 'Flagship' DESC, p.full_name, p.user_id
            LIMIT @Limit OFFSET @Offset
            """,
            Parameters(query, offset, limit), cancellationToken);

    public Task<IReadOnlyList<StaleSearchEntry>> StaleSearchEntriesAsync(CancellationToken cancellationToken = default) =>
        db.QueryAsync<StaleSearchEntry>(
            """
            SELECT p.user_id AS UserId, p.school AS School, p.settlement AS Settlement, p.note AS Note, p.updated_at AS UpdatedAt FROM people p
            WHERE NOT EXISTS (SELECT 1 FROM network_search_index i WHERE i.user_id = p.user_id AND i.profile_updated_at = p.updated_at)
            """,
            cancellationToken: cancellationToken);

    public Task SaveSearchEntryAsync(long userId, DateTimeOffset profileUpdatedAt, string text, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO network_search_index (user_id, profile_updated_at, text) VALUES (@UserId, @UpdatedAt, @Text)
            ON CONFLICT (user_id) DO UPDATE SET profile_updated_at = excluded.profile_updated_at, text = excluded.text
            """,
            new { UserId = userId, UpdatedAt = profileUpdatedAt, Text = text }, cancellationToken);

    /// <summary>Entries of profiles that no longer exist.</summary>
    public Task DropOrphanSearchEntriesAsync(CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM network_search_index WHERE user_id NOT IN (SELECT user_id FROM people)", cancellationToken: cancellationToken);

    /// <summary>Stores the person's latest search and returns its stamp, one more than the previous one.</summary>
    public async Task<long> SaveSearchAsync(long userId, string? code, string? district, string? query, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO network_searches (user_id, stamp, code, district, query, created_at) VALUES (@UserId, 1, @Code, @District, @Query, @Now)
            ON CONFLICT (user_id) DO UPDATE SET stamp = network_searches.stamp + 1, code = excluded.code, district = excluded.district,
                                                query = excluded.query, created_at = excluded.created_at
            RETURNING stamp
            """,
            new { UserId = userId, Code = code, District = district, Query = query, Now = now }, cancellationToken);

    public Task<SavedSearch?> FindSearchAsync(long userId, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<SavedSearch>(
            "SELECT stamp AS Stamp, code AS Code, district AS District, query AS Query FROM network_searches WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken);

    /// <summary>A new pending introduction; null when one between the two is already pending.</summary>
    public Task<long?> CreateIntroductionAsync(long requesterId, string? requesterUsername, long addresseeId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.QuerySingleOrDefaultAsync<long?>(
            """
            INSERT INTO introductions (requester_id, requester_username, addressee_id, status, created_at)
            VALUES (@RequesterId, @RequesterUsername, @AddresseeId, 'Pending', @Now)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new { RequesterId = requesterId, RequesterUsername = requesterUsername, AddresseeId = addresseeId, Now = now }, cancellationToken);

    public async Task<Introduction?> FindIntroductionAsync(long id, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<IntroductionRow>($"{IntroductionColumns} WHERE id = @Id", new { Id = id }, cancellationToken))?.ToIntroduction();

    /// <summary>The latest introduction from the requester to the addressee, of any status.</summary>
    public async Task<Introduction?> LatestIntroductionAsync(long requesterId, long addresseeId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<IntroductionRow>(
            $"{IntroductionColumns} WHERE requester_id = @RequesterId AND addressee_id = @AddresseeId ORDER BY id DESC LIMIT 1",
            new { RequesterId = requesterId, AddresseeId = addresseeId }, cancellationToken))?.ToIntroduction();

    public async Task<int> PendingIntroductionsFromAsync(long requesterId, CancellationToken cancellationToken = default) =>
        (int)await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM introductions WHERE requester_id = @RequesterId AND status = 'Pending'", new { RequesterId = requesterId }, cancellationToken);

    /// <summary>Answers a pending introduction; false when it was no longer pending.</summary>
    public async Task<bool> AnswerIntroductionAsync(long id, IntroductionStatus answer, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            "UPDATE introductions SET status = @Answer, answered_at = @Now WHERE id = @Id AND status = 'Pending'",
            new { Id = id, Answer = answer.ToString(), Now = now }, cancellationToken) == 1;

    public async Task<IReadOnlyList<Introduction>> IntroductionsInvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<IntroductionRow>($"{IntroductionColumns} WHERE requester_id = @UserId OR addressee_id = @UserId ORDER BY id",
            new { UserId = userId }, cancellationToken)).Select(r => r.ToIntroduction()).ToList();

    /// <summary>Erasure: settings, the saved search, the search entry and every introduction involving the person.</summary>
    public Task DeleteForAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            DELETE FROM network_settings WHERE user_id = @UserId;
            DELETE FROM network_searches WHERE user_id = @UserId;
            DELETE FROM network_search_index WHERE user_id = @UserId;
            DELETE FROM introductions WHERE requester_id = @UserId OR addressee_id = @UserId;
            """,
            new { UserId = userId }, cancellationToken);

    private const string IntroductionColumns =
        """
        SELECT id AS Id, requester_id AS RequesterId, requester_username AS RequesterUsername, addressee_id AS AddresseeId,
               status AS Status, created_at AS CreatedAt
        FROM introductions
        """;

    private static DynamicParameters Parameters(DirectoryQuery query, int offset = 0, int limit = 0)
    {
        var parameters = new DynamicParameters(new { query.Viewer, query.ViewerDistrict, query.Code, query.District, Offset = offset, Limit = limit });
        for (var i = 0; i < MaxWords; i++)
        {
            // Typed even when null: PostgreSQL must know a parameter's type, and "@W1 IS NULL" alone does not tell it.
            parameters.Add($"W{i}", i < query.Words.Count ? query.Words[i] : null, System.Data.DbType.String);
        }
        return parameters;
    }

    private sealed class SettingsRow
    {
        public bool AllowContact { get; init; }
        public bool? Listed { get; init; }

        public NetworkSettings ToSettings() => new(AllowContact, Listed);
    }

    private sealed class IntroductionRow
    {
        public long Id { get; init; }
        public long RequesterId { get; init; }
        public string? RequesterUsername { get; init; }
        public long AddresseeId { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public Introduction ToIntroduction() => new(Id, RequesterId, RequesterUsername, AddresseeId, Enum.Parse<IntroductionStatus>(Status), CreatedAt);
    }
}
