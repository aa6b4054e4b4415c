using MentorBot.Bot.Reminders;

namespace MentorBot.Bot.Persistence;

/// <summary>A reminder to be written: one row, identified for de-duplication by its kind and key.</summary>
public sealed record NewReminder(string Kind, ReminderSubject Subject, long RecipientId, DateTimeOffset DueAt, string DedupKey, string? Payload);

/// <summary>Where a person is, for their time zone: their own district, or the districts they coordinate.</summary>
public sealed record RecipientPlace(string? District, string? CoordinatorDistrict, string? Region);

/// <summary>Reminder rows and their claims, and who paused reminders.</summary>
public sealed class ReminderRepository(DbSession db)
{
    private const string Columns =
        """
        id AS Id, kind AS Kind, subject_type AS SubjectType, subject_id AS SubjectId, recipient_id AS RecipientId, due_at AS DueAt,
        payload AS Payload, attempts AS Attempts
        """;

    /// <summary>
    /// Adds the reminder; false when one with the same kind and key exists. A cancelled one is revived with the new
    /// time and data, so a meeting moved back and forth is reminded of again.
    /// </summary>
    public async Task<bool> ScheduleAsync(NewReminder reminder, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            INSERT INTO reminders (kind, subject_type, subject_id, recipient_id, due_at, state, attempts, dedup_key, payload, created_at)
            VALUES (@Kind, @SubjectType, @SubjectId, @RecipientId, @DueAt, 'pending', 0, @DedupKey, @Payload, @Now)
            ON CONFLICT (kind, dedup_key) DO UPDATE SET
                subject_type = excluded.subject_type, subject_id = excluded.subject_id, recipient_id = excluded.recipient_id,
                due_at = excluded.due_at, payload = excluded.payload, state = 'pending', attempts = 0, deferred_until = NULL,
                claim_token = NULL, claimed_until = NULL, sent_at = NULL
            WHERE reminders.state = 'cancelled'
            """,
            new
            {
                reminder.Kind, SubjectType = reminder.Subject.Type, SubjectId = reminder.Subject.Id, reminder.RecipientId, reminder.DueAt,
                reminder.DedupKey, reminder.Payload, Now = now,
            },
            cancellationToken) == 1;

    /// <summary>
    /// Cancels the subject's reminders not yet delivered, of one kind or of all, to one recipient or to all; a sweep
    /// holding one then fails to record it.
    /// </summary>
    public Task<int> CancelAsync(ReminderSubject subject, string? kind, long? recipientId = null, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            UPDATE reminders SET state = 'cancelled', claim_token = NULL, claimed_until = NULL
            WHERE subject_type = @SubjectType AND subject_id = @SubjectId AND state IN ('pending', 'claimed') AND (@Kind IS NULL OR kind = @Kind)
                AND (@RecipientId IS NULL OR recipient_id = @RecipientId)
            """,
            new { SubjectType = subject.Type, SubjectId = subject.Id, Kind = kind, RecipientId = recipientId }, cancellationToken);

    /// <summary>
    /// Moves the subject's pending (not yet claimed) reminders of the kind to the recipient to <paramref name="dueAt"/>;
    /// false when there is none. The update locks the row, so a sweep cannot claim it before the caller commits.
    /// </summary>
    public async Task<bool> PostponePendingAsync(
        ReminderSubject subject, string kind, long recipientId, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE reminders SET due_at = @DueAt, deferred_until = NULL
            WHERE subject_type = @SubjectType AND subject_id = @SubjectId AND kind = @Kind AND recipient_id = @RecipientId AND state = 'pending'
            """,
            new { SubjectType = subject.Type, SubjectId = subject.Id, Kind = kind, RecipientId = recipientId, DueAt = dueAt }, cancellationToken) > 0;

    /// <summary>
    /// Leases up to <paramref name="limit"/> due reminders to one sweep: pending ones whose time has come, and claimed
    /// ones whose sweep died (its lease ran out). Those claimed <paramref name="maxAttempts"/> times are given up.
    /// </summary>
    public async Task<IReadOnlyList<Reminder>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, string token, int limit, int maxAttempts, CancellationToken cancellationToken = default)
    {
        await db.ExecuteAsync(
            """
            UPDATE reminders SET state = 'failed', claim_token = NULL, claimed_until = NULL
            WHERE state = 'claimed' AND claimed_until <= @Now AND attempts >= @MaxAttempts
            """,
            new { Now = now, MaxAttempts = maxAttempts }, cancellationToken);
        await db.ExecuteAsync(
            """
            UPDATE reminders SET state = 'claimed', claim_token = @Token, claimed_until = @LeaseUntil, deferred_until = NULL, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM reminders
                WHERE (state = 'pending' AND due_at <= @Now AND (deferred_until IS NULL OR deferred_until <= @Now))
                   OR (state = 'claimed' AND claimed_until <= @Now)
                ORDER BY due_at, id LIMIT @Limit)
            """,
            new { Now = now, LeaseUntil = leaseUntil, Token = token, Limit = limit }, cancellationToken);
        var rows = await db.QueryAsync<ReminderRow>(
            $"SELECT {Columns} FROM reminders WHERE claim_token = @Token AND state = 'claimed' ORDER BY due_at, id", new { Token = token }, cancellationToken);
        return rows.Select(r => r.ToReminder()).ToList();
    }

    /// <summary>Records how a claimed reminder ended; false when the claim was lost meanwhile (cancelled, or taken over).</summary>
    public async Task<bool> FinishAsync(long id, string token, FinalReminderState state, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE reminders SET state = @State, sent_at = CASE WHEN @State = 'sent' THEN @Now END, claim_token = NULL, claimed_until = NULL
            WHERE id = @Id AND state = 'claimed' AND claim_token = @Token
            """,
            new { Id = id, Token = token, State = Name(state), Now = now }, cancellationToken) == 1;

    /// <summary>The kind asked for another time: it becomes the reminder's due time.</summary>
    public async Task<bool> RescheduleAsync(long id, string token, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE reminders SET state = 'pending', due_at = @DueAt, attempts = 0, claim_token = NULL, claimed_until = NULL
            WHERE id = @Id AND state = 'claimed' AND claim_token = @Token
            """,
            new { Id = id, Token = token, DueAt = dueAt }, cancellationToken) == 1;

    /// <summary>Quiet hours: the reminder waits until <paramref name="until"/>, but keeps its due time, so lateness is still measured from it.</summary>
    public async Task<bool> DeferAsync(long id, string token, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE reminders SET state = 'pending', deferred_until = @Until, attempts = 0, claim_token = NULL, claimed_until = NULL
            WHERE id = @Id AND state = 'claimed' AND claim_token = @Token
            """,
            new { Id = id, Token = token, Until = until }, cancellationToken) == 1;

    /// <summary>A sweep stopping early hands back what it did not reach, so nothing waits for its lease to run out.</summary>
    public Task<int> ReleaseAsync(string token, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            UPDATE reminders SET state = 'pending', attempts = attempts - 1, claim_token = NULL, claimed_until = NULL
            WHERE claim_token = @Token AND state = 'claimed'
            """,
            new { Token = token }, cancellationToken);

    public async Task<RecipientPlace> PlaceOfAsync(long userId, CancellationToken cancellationToken = default)
    {
        var place = await db.QuerySingleOrDefaultAsync<(string? District, string? CoordinatorDistrict, string? Region)>(
            """
            SELECT (SELECT district FROM people WHERE user_id = @UserId),
                   (SELECT MIN(district) FROM coordinator_districts WHERE user_id = @UserId),
                   (SELECT region FROM coordinators WHERE user_id = @UserId)
            """,
            new { UserId = userId }, cancellationToken);
        return new RecipientPlace(place.District, place.CoordinatorDistrict, place.Region);
    }

    public async Task<bool> IsPausedAsync(long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<bool>("SELECT COALESCE(MAX(paused), 0) FROM reminder_preferences WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);

    public Task SetPausedAsync(long userId, bool paused, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO reminder_preferences (user_id, paused, updated_at) VALUES (@UserId, @Paused, @Now)
            ON CONFLICT (user_id) DO UPDATE SET paused = excluded.paused, updated_at = excluded.updated_at
            """,
            new { UserId = userId, Paused = paused, Now = now }, cancellationToken);

    /// <summary>The person's reminders still to come, for their data export.</summary>
    public async Task<IReadOnlyList<Reminder>> PendingForAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<ReminderRow>(
            $"SELECT {Columns} FROM reminders WHERE recipient_id = @UserId AND state IN ('pending', 'claimed') ORDER BY due_at, id",
            new { UserId = userId }, cancellationToken))
        .Select(r => r.ToReminder()).ToList();

    /// <summary>Erasure: reminders to the person and their preference.</summary>
    public Task DeleteForAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM reminders WHERE recipient_id = @UserId; DELETE FROM reminder_preferences WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken);

    private static string Name(FinalReminderState state) => state.ToString().ToLowerInvariant();

    private sealed class ReminderRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string SubjectType { get; init; } = "";
        public long SubjectId { get; init; }
        public long RecipientId { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string? Payload { get; init; }
        public long Attempts { get; init; }

        public Reminder ToReminder() => new(Id, Kind, new ReminderSubject(SubjectType, SubjectId), RecipientId, DueAt, Payload, (int)Attempts);
    }
}
