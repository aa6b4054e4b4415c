namespace MentorBot.Bot.Persistence;

public enum PracticeStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>A practice of the bank; <see cref="AuthorId"/> is null once its author erased their data.</summary>
public sealed record Practice(
    long Id,
    long? AuthorId,
    string School,
    string District,
    string Title,
    string Description,
    string? Link,
    PracticeStatus Status,
    string? RejectionReason,
    IReadOnlyList<string> Codes,
    DateTimeOffset CreatedAt);

public sealed record NewPractice(long AuthorId, string School, string District, string Title, string Description, string? Link, IReadOnlyList<string> Codes);

/// <summary>The bank of management practices and its review.</summary>
public sealed class PracticeRepository(DbSession db)
{
    private const string Columns =
        """
        SELECT id AS Id, author_id AS AuthorId, school AS School, district AS District, title AS Title, description AS Description,
               link AS Link, status AS Status, rejection_reason AS RejectionReason, created_at AS CreatedAt
        FROM practices
        """;

    public async Task<long> CreateAsync(NewPractice practice, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO practices (author_id, school, district, title, description, link, status, created_at)
            VALUES (@AuthorId, @School, @District, @Title, @Description, @Link, 'Pending', @Now)
            RETURNING id
            """,
            new { practice.AuthorId, practice.School, practice.District, practice.Title, practice.Description, practice.Link, Now = now }, cancellationToken);
        foreach (var code in practice.Codes)
        {
            await db.ExecuteAsync("INSERT INTO practice_codes (practice_id, code) VALUES (@Id, @Code) ON CONFLICT DO NOTHING", new { Id = id, Code = code }, cancellationToken);
        }
        return id;
    }

    public async Task<Practice?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await WithCodesAsync(await db.QueryAsync<PracticeRow>($"{Columns} WHERE id = @Id", new { Id = id }, cancellationToken), cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<Practice>> PendingInAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken = default) =>
        await WithCodesAsync(await db.QueryAsync<PracticeRow>(
            $"{Columns} WHERE status = 'Pending' AND district IN @Districts ORDER BY created_at, id", new { Districts = districts.ToArray() }, cancellationToken),
            cancellationToken);

    /// <summary>A coordinator's decision; false when the practice was no longer pending.</summary>
    public async Task<bool> ReviewAsync(long id, PracticeStatus decision, long reviewerId, string? reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE practices SET status = @Decision, rejection_reason = @Reason, reviewed_by = @ReviewerId, reviewed_at = @Now
            WHERE id = @Id AND status = 'Pending'
            """,
            new { Id = id, Decision = decision.ToString(), Reason = reason, ReviewerId = reviewerId, Now = now }, cancellationToken) == 1;

    /// <summary>How many approved practices address each code.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ApprovedCountsAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(string Code, long Count)>(
            "SELECT c.code, COUNT(*) FROM practice_codes c JOIN practices p ON p.id = c.practice_id WHERE p.status = 'Approved' GROUP BY c.code",
            cancellationToken: cancellationToken))
        .ToDictionary(r => r.Code, r => (int)r.Count, StringComparer.Ordinal);

    public async Task<int> CountApprovedAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        (int)await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM practices p WHERE p.status = 'Approved' AND EXISTS (SELECT 1 FROM practice_codes c WHERE c.practice_id = p.id AND c.code IN @Codes)",
            new { Codes = codes.ToArray() }, cancellationToken);

    /// <summary>Approved practices addressing any of the codes, newest first.</summary>
    public async Task<IReadOnlyList<Practice>> ApprovedPageAsync(IReadOnlyCollection<string> codes, int offset, int limit, CancellationToken cancellationToken = default) =>
        await WithCodesAsync(await db.QueryAsync<PracticeRow>(
            $"""
            {Columns} WHERE status = 'Approved' AND EXISTS (SELECT 1 FROM practice_codes c WHERE c.practice_id = practices.id AND c.code IN @Codes)
            ORDER BY created_at DESC, id DESC LIMIT @Limit OFFSET @Offset
            """,
            new { Codes = codes.ToArray(), Offset = offset, Limit = limit }, cancellationToken),
            cancellationToken);

    public async Task<IReadOnlyList<Practice>> ByAuthorAsync(long authorId, CancellationToken cancellationToken = default) =>
        await WithCodesAsync(await db.QueryAsync<PracticeRow>($"{Columns} WHERE author_id = @AuthorId ORDER BY id", new { AuthorId = authorId }, cancellationToken), cancellationToken);

    /// <summary>
    /// Erasure: the person's pending and rejected practices go; approved ones stay in the bank as their school's, no
    /// longer linked to them; their reviews no longer name them.
    /// </summary>
    public Task ForgetPersonAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            DELETE FROM practices WHERE author_id = @UserId AND status <> 'Approved';
            UPDATE practices SET author_id = NULL WHERE author_id = @UserId;
            UPDATE practices SET reviewed_by = NULL WHERE reviewed_by = @UserId;
            """,
            new { UserId = userId }, cancellationToken);

    private async Task<IReadOnlyList<Practice>> WithCodesAsync(IReadOnlyList<PracticeRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var codes = (await db.QueryAsync<(long PracticeId, string Code)>(
                "SELECT practice_id, code FROM practice_codes WHERE practice_id IN @Ids ORDER BY code", new { Ids = rows.Select(r => r.Id).ToArray() }, cancellationToken))
            .ToLookup(c => c.PracticeId, c => c.Code);
        return rows.Select(r => r.ToPractice(codes[r.Id].ToList())).ToList();
    }

    private sealed class PracticeRow
    {
        public long Id { get; init; }
        public long? AuthorId { get; init; }
        public string School { get; init; } = "";
        public string District { get; init; } = "";
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string? Link { get; init; }
        public string Status { get; init; } = "";
        public string? RejectionReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public Practice ToPractice(IReadOnlyList<string> codes) =>
            new(Id, AuthorId, School, District, Title, Description, Link, Enum.Parse<PracticeStatus>(Status), RejectionReason, codes, CreatedAt);
    }
}
