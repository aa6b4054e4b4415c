using System.Text.Json;
using MentorBot.Bot.Features.Announcements;

namespace MentorBot.Bot.Persistence;

/// <summary>Announcements, the districts they address, who they were sent to, and how their broadcast stands.</summary>
public sealed class AnnouncementRepository(DbSession db)
{
    private const string Columns =
        """
        SELECT id AS Id, coordinator_id AS CoordinatorId, kind AS Kind, title AS Title, starts_at AS StartsAt, time_zone AS TimeZone,
               place AS Place, description AS Description, audience AS Audience, status AS Status, send_at AS SendAt,
               enqueued_through AS EnqueuedThrough, enqueued_at AS EnqueuedAt, recipients AS Recipients, progress_outbox_id AS ProgressOutboxId,
               progress_done AS ProgressDone, progress_edited_at AS ProgressEditedAt, delivered AS Delivered, blocked AS Blocked, failed AS Failed,
               created_at AS CreatedAt
        FROM announcements a
        """;

    public async Task<long> CreateAsync(Announcement announcement, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO announcements (coordinator_id, kind, title, starts_at, time_zone, place, description, audience, status, send_at, created_at)
            VALUES (@CoordinatorId, @Kind, @Title, @StartsAt, @TimeZone, @Place, @Description, @Audience, @Status, @SendAt, @CreatedAt)
            RETURNING id
            """,
            new
            {
                announcement.CoordinatorId,
                Kind = announcement.Kind.ToString(),
                announcement.Title,
                announcement.StartsAt,
                announcement.TimeZone,
                announcement.Place,
                announcement.Description,
                Audience = JsonSerializer.Serialize(announcement.Audience, AnnouncementJsonContext.Default.AnnouncementAudience),
                Status = announcement.Status.ToString(),
                announcement.SendAt,
                announcement.CreatedAt,
            },
            cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO announcement_districts (announcement_id, district) VALUES (@Id, @District) ON CONFLICT DO NOTHING",
            announcement.Audience.Districts.Select(d => new { Id = id, District = d }), cancellationToken);
        return id;
    }

    public async Task<Announcement?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<AnnouncementRow>($"{Columns} WHERE id = @Id", new { Id = id }, cancellationToken))?.ToAnnouncement();

    /// <summary>The latest announcements whose every district is in <paramref name="scope"/>, newest first.</summary>
    public async Task<IReadOnlyList<Announcement>> LatestWithinAsync(IReadOnlyCollection<string> scope, int limit, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<AnnouncementRow>(
            $"""
            {Columns}
            WHERE NOT EXISTS (SELECT 1 FROM announcement_districts d WHERE d.announcement_id = a.id AND d.district NOT IN @Scope)
            ORDER BY id DESC LIMIT @Limit
            """,
            new { Scope = scope.ToArray(), Limit = limit }, cancellationToken))
        .Select(r => r.ToAnnouncement()).ToList();

    /// <summary>Announcements within <paramref name="scope"/> (as above) whose event starts in [<paramref name="from"/>, <paramref name="to"/>), by start.</summary>
    public async Task<IReadOnlyList<Announcement>> StartingWithinAsync(
        IReadOnlyCollection<string> scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<AnnouncementRow>(
            $"""
            {Columns}
            WHERE starts_at >= @From AND starts_at < @To AND status <> 'Cancelled'
              AND EXISTS (SELECT 1 FROM announcement_districts d WHERE d.announcement_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM announcement_districts d WHERE d.announcement_id = a.id AND d.district NOT IN @Scope)
            ORDER BY starts_at, id
            """,
            new { Scope = scope.ToArray(), From = from, To = to }, cancellationToken))
        .Select(r => r.ToAnnouncement()).ToList();

    public async Task<IReadOnlyList<Announcement>> InStatusAsync(AnnouncementStatus status, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<AnnouncementRow>($"{Columns} WHERE status = @Status ORDER BY id", new { Status = status.ToString() }, cancellationToken))
        .Select(r => r.ToAnnouncement()).ToList();

    /// <summary>Scheduled ones whose time has come.</summary>
    public async Task<IReadOnlyList<long>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.QueryAsync<long>("SELECT id FROM announcements WHERE status = 'Scheduled' AND send_at <= @Now ORDER BY send_at, id", new { Now = now }, cancellationToken);

    /// <summary>When the next scheduled announcement is due, if any is.</summary>
    public async Task<DateTimeOffset?> NextScheduledAtAsync(CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long?>("SELECT MIN(send_at) FROM announcements WHERE status = 'Scheduled'", cancellationToken: cancellationToken) is { } at
            ? DateTimeOffset.FromUnixTimeMilliseconds(at)
            : null;

    /// <summary>Scheduled → Sending; false when it was cancelled or started meanwhile.</summary>
    public async Task<bool> StartAsync(long id, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE announcements SET status = 'Sending' WHERE id = @Id AND status = 'Scheduled'", new { Id = id }, cancellationToken) == 1;

    /// <summary>Scheduled → Cancelled; false when it has started or was cancelled already.</summary>
    public async Task<bool> CancelAsync(long id, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE announcements SET status = 'Cancelled' WHERE id = @Id AND status = 'Scheduled'", new { Id = id }, cancellationToken) == 1;

    public Task SetProgressMessageAsync(long id, long outboxId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE announcements SET progress_outbox_id = @OutboxId WHERE id = @Id", new { Id = id, OutboxId = outboxId }, cancellationToken);

    /// <summary>
    /// Recipients of an audience by ascending user id, after <paramref name="afterUserId"/>: active young directors
    /// and approved flagships in its districts; with deficits, those who declared one (young: deficits, flagships:
    /// wishes to learn). A group's members are checked the same way, without districts and deficits.
    /// </summary>
    public async Task<IReadOnlyList<long>> AudienceAsync(
        AnnouncementAudience audience, IReadOnlyCollection<long>? groupMembers, long afterUserId, CancellationToken cancellationToken = default)
    {
        if (audience.Group is not null)
        {
            return await db.QueryAsync<long>(
                """
                SELECT user_id FROM people
                WHERE user_id IN @Members AND user_id > @After
                  AND ((role = 'Young' AND status = 'Active') OR (role = 'Flagship' AND status = 'Approved'))
                ORDER BY user_id
                """,
                new { Members = (groupMembers ?? []).ToArray(), After = afterUserId }, cancellationToken);
        }
        return await db.QueryAsync<long>(
            """
            SELECT p.user_id FROM people p
            WHERE p.user_id > @After AND p.district IN @Districts
              AND ((@Young = 1 AND p.role = 'Young' AND p.status = 'Active') OR (@Flagships = 1 AND p.role = 'Flagship' AND p.status = 'Approved'))
              AND (@AnyDeficit = 1 OR EXISTS (
                    SELECT 1 FROM person_codes c
                    WHERE c.user_id = p.user_id AND c.code IN @Deficits AND c.kind = CASE p.role WHEN 'Young' THEN 'Deficit' ELSE 'Wants' END))
            ORDER BY p.user_id
            """,
            new
            {
                After = afterUserId,
                Districts = audience.Districts.ToArray(),
                Young = audience.Role is AudienceRole.Young or AudienceRole.Everyone,
                Flagships = audience.Role is AudienceRole.Flagships or AudienceRole.Everyone,
                AnyDeficit = audience.Deficits.Count == 0,
                Deficits = audience.Deficits.ToArray(),
            },
            cancellationToken);
    }

    /// <summary>
    /// Records who a batch went to and how far the broadcast got; the outbox rows go in the same transaction. The
    /// expected total is those written so far and the <paramref name="remaining"/> still to write.
    /// </summary>
    public async Task AddRecipientsAsync(long id, IReadOnlyList<long> userIds, int remaining, CancellationToken cancellationToken = default)
    {
        await db.ExecuteAsync(
            "INSERT INTO announcement_recipients (announcement_id, user_id) VALUES (@Id, @UserId) ON CONFLICT DO NOTHING",
            userIds.Select(u => new { Id = id, UserId = u }), cancellationToken);
        await db.ExecuteAsync(
            """
            UPDATE announcements SET enqueued_through = @Through,
                recipients = (SELECT COUNT(*) FROM announcement_recipients WHERE announcement_id = @Id) + @Remaining
            WHERE id = @Id
            """,
            new { Id = id, Through = userIds[^1], Remaining = remaining }, cancellationToken);
    }

    /// <summary>Every recipient is in the outbox; the total becomes what was really written.</summary>
    public Task MarkEnqueuedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            UPDATE announcements SET enqueued_at = @Now,
                recipients = (SELECT COUNT(*) FROM announcement_recipients WHERE announcement_id = @Id)
            WHERE id = @Id
            """,
            new { Id = id, Now = now }, cancellationToken);

    public Task RecordProgressAsync(long id, int done, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE announcements SET progress_done = @Done, progress_edited_at = @Now WHERE id = @Id", new { Id = id, Done = done, Now = now }, cancellationToken);

    /// <summary>Sending → Sent with the final counts; false when another run finished it first.</summary>
    public async Task<bool> FinishAsync(long id, BroadcastCounts counts, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE announcements SET status = 'Sent', delivered = @Delivered, blocked = @Blocked, failed = @Failed, finished_at = @Now
            WHERE id = @Id AND status = 'Sending'
            """,
            new { Id = id, counts.Delivered, counts.Blocked, counts.Failed, Now = now }, cancellationToken) == 1;

    public async Task<bool> WasSentToAsync(long id, long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM announcement_recipients WHERE announcement_id = @Id AND user_id = @UserId", new { Id = id, UserId = userId }, cancellationToken) == 1;

    /// <summary>The announcements a person was sent, newest first.</summary>
    public async Task<IReadOnlyList<Announcement>> ReceivedByAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<AnnouncementRow>(
            $"{Columns} WHERE id IN (SELECT announcement_id FROM announcement_recipients WHERE user_id = @UserId) ORDER BY id DESC",
            new { UserId = userId }, cancellationToken))
        .Select(r => r.ToAnnouncement()).ToList();

    /// <summary>
    /// Erasure: the person leaves every recipient list; what coordinators created stays, without their id. A
    /// broadcast's cursor that stopped at them moves back to the recipient before, where it resumes just as well.
    /// </summary>
    public Task ForgetAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            DELETE FROM announcement_recipients WHERE user_id = @UserId;
            UPDATE announcements SET coordinator_id = NULL WHERE coordinator_id = @UserId;
            UPDATE announcements SET enqueued_through = COALESCE((SELECT MAX(r.user_id) FROM announcement_recipients r
                WHERE r.announcement_id = announcements.id AND r.user_id < @UserId), 0)
            WHERE enqueued_through = @UserId
            """,
            new { UserId = userId }, cancellationToken);

    private sealed class AnnouncementRow
    {
        public long Id { get; init; }
        public long? CoordinatorId { get; init; }
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public string TimeZone { get; init; } = "";
        public string Place { get; init; } = "";
        public string Description { get; init; } = "";
        public string Audience { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset SendAt { get; init; }
        public long EnqueuedThrough { get; init; }
        public DateTimeOffset? EnqueuedAt { get; init; }
        public long Recipients { get; init; }
        public long? ProgressOutboxId { get; init; }
        public long ProgressDone { get; init; }
        public DateTimeOffset? ProgressEditedAt { get; init; }
        public long? Delivered { get; init; }
        public long? Blocked { get; init; }
        public long? Failed { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public Announcement ToAnnouncement() => new()
        {
            Id = Id,
            CoordinatorId = CoordinatorId,
            Kind = Enum.Parse<AnnouncementKind>(Kind),
            Title = Title,
            StartsAt = StartsAt,
            TimeZone = TimeZone,
            Place = Place,
            Description = Description,
            Audience = JsonSerializer.Deserialize(Audience, AnnouncementJsonContext.Default.AnnouncementAudience) ?? new AnnouncementAudience(),
            Status = Enum.Parse<AnnouncementStatus>(Status),
            SendAt = SendAt,
            EnqueuedThrough = EnqueuedThrough,
            EnqueuedAt = EnqueuedAt,
            Recipients = (int)Recipients,
            ProgressOutboxId = ProgressOutboxId,
            ProgressDone = (int)ProgressDone,
            ProgressEditedAt = ProgressEditedAt,
            Final = Delivered is { } delivered ? new BroadcastCounts(0, (int)delivered, (int)(Blocked ?? 0), (int)(Failed ?? 0)) : null,
            CreatedAt = CreatedAt,
        };
    }
}
