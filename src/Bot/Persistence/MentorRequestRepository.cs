using MentorBot.Bot.Features.Mentorship;

namespace MentorBot.Bot.Persistence;

public sealed class MentorRequestRepository(DbSession db)
{
    private const string Columns =
        """
        id AS Id, mentee_id AS MenteeId, mentor_id AS MentorId, status AS Status, origin AS Origin, proposed_by AS ProposedBy,
        score AS Score, reason AS Reason, decline_reason AS DeclineReason, created_at AS CreatedAt, expires_at AS ExpiresAt,
        answered_at AS AnsweredAt
        """;

    /// <summary>Creates a pending request; null when the young director already has one pending.</summary>
    public async Task<long?> CreateAsync(
        long menteeId, long mentorId, RequestOrigin origin, long? proposedBy, double score, string reason, DateTimeOffset now, DateTimeOffset expiresAt,
        CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long?>(
            """
            INSERT INTO mentor_requests (mentee_id, mentor_id, status, origin, proposed_by, score, reason, created_at, expires_at)
            VALUES (@MenteeId, @MentorId, 'Pending', @Origin, @ProposedBy, @Score, @Reason, @Now, @ExpiresAt)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new { MenteeId = menteeId, MentorId = mentorId, Origin = origin.ToString(), ProposedBy = proposedBy, Score = score, Reason = reason, Now = now, ExpiresAt = expiresAt },
            cancellationToken);

    /// <summary>Records a pair answered outside the request flow (a designated pair confirmed or declined), so refusals and partnerships keep their request.</summary>
    public async Task<long> CreateAnsweredAsync(
        long menteeId, long mentorId, RequestOrigin origin, RequestStatus status, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO mentor_requests (mentee_id, mentor_id, status, origin, score, reason, created_at, expires_at, answered_at)
            VALUES (@MenteeId, @MentorId, @Status, @Origin, 0, @Reason, @Now, @Now, @Now)
            RETURNING id
            """,
            new { MenteeId = menteeId, MentorId = mentorId, Status = status.ToString(), Origin = origin.ToString(), Reason = reason, Now = now }, cancellationToken);

    /// <summary>Corrects the status of a request recorded by <see cref="CreateAnsweredAsync"/> whose partnership could not open.</summary>
    public Task ReleaseAnsweredAsync(long id, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE mentor_requests SET status = 'Released' WHERE id = @Id AND status = 'Accepted'", new { Id = id }, cancellationToken);

    public async Task<MentorRequest?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<RequestRow>($"SELECT {Columns} FROM mentor_requests WHERE id = @Id", new { Id = id }, cancellationToken))?.ToRequest();

    public async Task<MentorRequest?> PendingOfMenteeAsync(long menteeId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<RequestRow>(
            $"SELECT {Columns} FROM mentor_requests WHERE mentee_id = @MenteeId AND status = 'Pending'", new { MenteeId = menteeId }, cancellationToken))?.ToRequest();

    public async Task<IReadOnlyList<MentorRequest>> PendingForMentorAsync(long mentorId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<RequestRow>(
            $"SELECT {Columns} FROM mentor_requests WHERE mentor_id = @MentorId AND status = 'Pending' ORDER BY created_at, id",
            new { MentorId = mentorId }, cancellationToken)).Select(r => r.ToRequest()).ToList();

    /// <summary>Pending requests older than the given instant, for the coordinators' oversight.</summary>
    public async Task<IReadOnlyList<MentorRequest>> PendingSinceAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<RequestRow>(
            $"SELECT {Columns} FROM mentor_requests WHERE status = 'Pending' AND created_at < @OlderThan ORDER BY created_at, id",
            new { OlderThan = olderThan }, cancellationToken)).Select(r => r.ToRequest()).ToList();

    /// <summary>Flagships this young director must not be offered again: they declined or let the request expire.</summary>
    public async Task<IReadOnlyList<long>> RefusedMentorsAsync(long menteeId, CancellationToken cancellationToken = default) =>
        await db.QueryAsync<long>(
            "SELECT DISTINCT mentor_id FROM mentor_requests WHERE mentee_id = @MenteeId AND status IN ('Declined', 'Expired') ORDER BY mentor_id",
            new { MenteeId = menteeId }, cancellationToken);

    /// <summary>Every refused pair, for a district-wide matching run.</summary>
    public async Task<IReadOnlyList<(long MenteeId, long MentorId)>> RefusedPairsAsync(CancellationToken cancellationToken = default) =>
        await db.QueryAsync<(long, long)>(
            "SELECT DISTINCT mentee_id, mentor_id FROM mentor_requests WHERE status IN ('Declined', 'Expired')", cancellationToken: cancellationToken);

    /// <summary>
    /// Moves a pending request to its answer. Only a request still pending changes, so two presses, or an accept racing
    /// a withdrawal, cannot both take effect: the loser sees false.
    /// </summary>
    public async Task<bool> CloseAsync(long id, RequestStatus status, string? declineReason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            "UPDATE mentor_requests SET status = @Status, decline_reason = @DeclineReason, answered_at = @Now WHERE id = @Id AND status = 'Pending'",
            new { Id = id, Status = status.ToString(), DeclineReason = declineReason, Now = now }, cancellationToken) == 1;

    /// <summary>Undoes an accept that found no free place; only within the accepting transaction.</summary>
    public Task ReopenAsync(long id, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE mentor_requests SET status = 'Pending', answered_at = NULL WHERE id = @Id AND status = 'Accepted'", new { Id = id }, cancellationToken);

    public async Task<IReadOnlyList<MentorRequest>> InvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<RequestRow>(
            $"SELECT {Columns} FROM mentor_requests WHERE mentee_id = @UserId OR mentor_id = @UserId ORDER BY id",
            new { UserId = userId }, cancellationToken)).Select(r => r.ToRequest()).ToList();

    public Task DeleteInvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM mentor_requests WHERE mentee_id = @UserId OR mentor_id = @UserId; DELETE FROM coordinator_choice_wishes WHERE mentee_id = @UserId",
            new { UserId = userId }, cancellationToken);

    /// <summary>Records that the young director lets the coordinator choose; false when they had already asked.</summary>
    public async Task<bool> WishCoordinatorChoiceAsync(long menteeId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("INSERT INTO coordinator_choice_wishes (mentee_id, created_at) VALUES (@MenteeId, @Now) ON CONFLICT DO NOTHING",
            new { MenteeId = menteeId, Now = now }, cancellationToken) == 1;

    public Task ClearCoordinatorChoiceAsync(long menteeId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM coordinator_choice_wishes WHERE mentee_id = @MenteeId", new { MenteeId = menteeId }, cancellationToken);

    public async Task<bool> WantsCoordinatorChoiceAsync(long menteeId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM coordinator_choice_wishes WHERE mentee_id = @MenteeId", new { MenteeId = menteeId }, cancellationToken) > 0;

    private sealed class RequestRow
    {
        public long Id { get; init; }
        public long MenteeId { get; init; }
        public long MentorId { get; init; }
        public string Status { get; init; } = "";
        public string Origin { get; init; } = "";
        public long? ProposedBy { get; init; }
        public double Score { get; init; }
        public string Reason { get; init; } = "";
        public string? DeclineReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? AnsweredAt { get; init; }

        public MentorRequest ToRequest() => new(
            Id, MenteeId, MentorId, Enum.Parse<RequestStatus>(Status), Enum.Parse<RequestOrigin>(Origin), ProposedBy, Score, Reason, DeclineReason,
            CreatedAt, ExpiresAt, AnsweredAt);
    }
}
