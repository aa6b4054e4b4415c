using MentorBot.Bot.Features.Mentorship;

namespace MentorBot.Bot.Persistence;

/// <summary>Partnerships with their plan items, meetings, check-ins and feedback.</summary>
public sealed class PartnershipRepository(DbSession db)
{
    private const string Columns =
        """
        id AS Id, mentee_id AS MenteeId, mentor_id AS MentorId, request_id AS RequestId, status AS Status, goals AS Goals,
        starts_on AS StartsOn, ends_on AS EndsOn, mentee_prolongs AS MenteeProlongs, mentor_prolongs AS MentorProlongs,
        end_reason AS EndReason, created_at AS CreatedAt, last_activity_at AS LastActivityAt
        """;

    public Task<long> ActiveCountOfMentorAsync(long mentorId, CancellationToken cancellationToken = default) =>
        db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM partnerships WHERE mentor_id = @MentorId AND status = 'Active'", new { MentorId = mentorId }, cancellationToken);

    /// <summary>Active partnerships per flagship, for the engine's load rule.</summary>
    public async Task<IReadOnlyDictionary<long, int>> ActiveLoadsAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(long MentorId, long Count)>(
            "SELECT mentor_id, COUNT(*) FROM partnerships WHERE status = 'Active' GROUP BY mentor_id", cancellationToken: cancellationToken))
        .ToDictionary(r => r.MentorId, r => (int)r.Count);

    /// <summary>
    /// Opens the partnership only while the flagship has a free place. Transactions are serialized (SQLite's
    /// write lock), so two accepts racing for the last place cannot both see it free.
    /// </summary>
    public async Task<long?> OpenWithinCapacityAsync(
        long menteeId, long mentorId, long requestId, int capacity, IReadOnlyList<string> goals, DateOnly startsOn, DateOnly endsOn, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long?>(
            """
            INSERT INTO partnerships (mentee_id, mentor_id, request_id, status, goals, starts_on, ends_on, created_at, last_activity_at)
            SELECT @MenteeId, @MentorId, @RequestId, 'Active', @Goals, @StartsOn, @EndsOn, @Now, @Now
            WHERE (SELECT COUNT(*) FROM partnerships WHERE mentor_id = @MentorId AND status = 'Active') < @Capacity
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new { MenteeId = menteeId, MentorId = mentorId, RequestId = requestId, Goals = string.Join(',', goals), StartsOn = startsOn, EndsOn = endsOn, Now = now, Capacity = capacity },
            cancellationToken);

    public async Task<Partnership?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<PartnershipRow>($"SELECT {Columns} FROM partnerships WHERE id = @Id", new { Id = id }, cancellationToken))?.ToPartnership();

    public async Task<Partnership?> ActiveOfMenteeAsync(long menteeId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<PartnershipRow>(
            $"SELECT {Columns} FROM partnerships WHERE mentee_id = @MenteeId AND status = 'Active'", new { MenteeId = menteeId }, cancellationToken))?.ToPartnership();

    public async Task<IReadOnlyList<Partnership>> ActiveOfMentorAsync(long mentorId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PartnershipRow>(
            $"SELECT {Columns} FROM partnerships WHERE mentor_id = @MentorId AND status = 'Active' ORDER BY id", new { MentorId = mentorId }, cancellationToken))
        .Select(r => r.ToPartnership()).ToList();

    public async Task<IReadOnlyList<Partnership>> ActiveAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PartnershipRow>($"SELECT {Columns} FROM partnerships WHERE status = 'Active' ORDER BY id", cancellationToken: cancellationToken))
        .Select(r => r.ToPartnership()).ToList();

    /// <summary>Active partnerships whose young director is in one of the districts: a coordinator's pairs.</summary>
    public async Task<IReadOnlyList<Partnership>> ActiveInDistrictsAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PartnershipRow>(
            $"SELECT {Columns} FROM partnerships WHERE status = 'Active' AND mentee_id IN (SELECT user_id FROM people WHERE district IN @Districts) ORDER BY id",
            new { Districts = districts.ToArray() }, cancellationToken))
        .Select(r => r.ToPartnership()).ToList();

    /// <summary>
    /// Partnerships of the districts' young directors that ran at some time in [<paramref name="from"/>, <paramref name="to"/>):
    /// opened before its end, and still active or ended after its start. The monthly report's pairs.
    /// </summary>
    public async Task<IReadOnlyList<Partnership>> InDistrictsDuringAsync(
        IReadOnlyCollection<string> districts, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PartnershipRow>(
            $"""
            SELECT {Columns} FROM partnerships
            WHERE created_at < @To AND (status = 'Active' OR ended_at >= @From)
              AND mentee_id IN (SELECT user_id FROM people WHERE district IN @Districts)
            ORDER BY id
            """,
            new { Districts = districts.ToArray(), From = from, To = to }, cancellationToken))
        .Select(r => r.ToPartnership()).ToList();

    /// <summary>Meetings of the districts' pairs that took place in [<paramref name="from"/>, <paramref name="to"/>), in time order.</summary>
    public async Task<IReadOnlyList<Meeting>> MeetingsInDistrictsAsync(
        IReadOnlyCollection<string> districts, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<MeetingRow>(
            """
            SELECT m.id AS Id, m.partnership_id AS PartnershipId, m.starts_at AS StartsAt, m.format AS Format, m.note AS Note
            FROM meetings m JOIN partnerships p ON p.id = m.partnership_id
            WHERE m.starts_at >= @From AND m.starts_at < @To
              AND p.mentee_id IN (SELECT user_id FROM people WHERE district IN @Districts)
            ORDER BY m.starts_at, m.id
            """,
            new { Districts = districts.ToArray(), From = from, To = to }, cancellationToken)).Select(r => r.ToMeeting()).ToList();

    public async Task<IReadOnlyList<Partnership>> InvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PartnershipRow>(
            $"SELECT {Columns} FROM partnerships WHERE mentee_id = @UserId OR mentor_id = @UserId ORDER BY id", new { UserId = userId }, cancellationToken))
        .Select(r => r.ToPartnership()).ToList();

    public Task TouchAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE partnerships SET last_activity_at = @Now WHERE id = @Id", new { Id = id, Now = now }, cancellationToken);

    /// <summary>Ends an active partnership; false when it had already ended.</summary>
    public async Task<bool> EndAsync(long id, PartnershipStatus status, string? reason, long? endedBy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE partnerships SET status = @Status, end_reason = @Reason, ended_by = @EndedBy, ended_at = @Now, last_activity_at = @Now
            WHERE id = @Id AND status = 'Active'
            """,
            new { Id = id, Status = status.ToString(), Reason = reason, EndedBy = endedBy, Now = now }, cancellationToken) == 1;

    /// <summary>
    /// Records a vote on prolonging the term that ends on <paramref name="endsOn"/>; false when that term is no longer
    /// the current one (a prolongation happened meanwhile) or the partnership has ended.
    /// </summary>
    public async Task<bool> RecordProlongationVoteAsync(
        long id, DateOnly endsOn, bool byMentee, bool prolong, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            byMentee
                ? "UPDATE partnerships SET mentee_prolongs = @Prolong, last_activity_at = @Now WHERE id = @Id AND status = 'Active' AND ends_on = @EndsOn"
                : "UPDATE partnerships SET mentor_prolongs = @Prolong, last_activity_at = @Now WHERE id = @Id AND status = 'Active' AND ends_on = @EndsOn",
            new { Id = id, EndsOn = endsOn, Prolong = prolong, Now = now }, cancellationToken) == 1;

    /// <summary>Both agreed: one more year, and the votes are cleared for the next round.</summary>
    public async Task<bool> ProlongAsync(long id, DateOnly newEnd, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE partnerships SET ends_on = @NewEnd, mentee_prolongs = NULL, mentor_prolongs = NULL, last_activity_at = @Now
            WHERE id = @Id AND status = 'Active' AND mentee_prolongs = 1 AND mentor_prolongs = 1
            """,
            new { Id = id, NewEnd = newEnd, Now = now }, cancellationToken) == 1;

    // ---- Plan of targeted support measures ----

    public async Task<long> AddPlanItemAsync(long partnershipId, string title, PlanItemOwner owner, DateOnly dueOn, long createdBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO plan_items (partnership_id, title, owner, due_on, status, created_by, created_at, updated_at)
            VALUES (@PartnershipId, @Title, @Owner, @DueOn, 'Planned', @CreatedBy, @Now, @Now) RETURNING id
            """,
            new { PartnershipId = partnershipId, Title = title, Owner = owner.ToString(), DueOn = dueOn, CreatedBy = createdBy, Now = now }, cancellationToken);
        await TouchAsync(partnershipId, now, cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<PlanItem>> PlanAsync(long partnershipId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PlanItemRow>(
            """
            SELECT id AS Id, partnership_id AS PartnershipId, title AS Title, owner AS Owner, due_on AS DueOn, status AS Status
            FROM plan_items WHERE partnership_id = @PartnershipId ORDER BY due_on, id
            """,
            new { PartnershipId = partnershipId }, cancellationToken)).Select(r => r.ToItem()).ToList();

    /// <summary>
    /// Moves a plan item on, only from the status the caller saw: a second press of the same button, or a partner's
    /// press in between, finds the status changed and changes nothing.
    /// </summary>
    public async Task<bool> SetPlanItemStatusAsync(
        long partnershipId, long itemId, PlanItemStatus from, PlanItemStatus to, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var changed = await db.ExecuteAsync(
            "UPDATE plan_items SET status = @To, updated_at = @Now WHERE id = @ItemId AND partnership_id = @PartnershipId AND status = @From",
            new { ItemId = itemId, PartnershipId = partnershipId, From = from.ToString(), To = to.ToString(), Now = now }, cancellationToken) == 1;
        if (changed)
        {
            await TouchAsync(partnershipId, now, cancellationToken);
        }
        return changed;
    }

    // ---- Meetings ----

    public async Task<long> AddMeetingAsync(long partnershipId, DateTimeOffset startsAt, MeetingFormat format, string note, long createdBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO meetings (partnership_id, starts_at, format, note, created_by, created_at)
            VALUES (@PartnershipId, @StartsAt, @Format, @Note, @CreatedBy, @Now) RETURNING id
            """,
            new { PartnershipId = partnershipId, StartsAt = startsAt, Format = format.ToString(), Note = note, CreatedBy = createdBy, Now = now }, cancellationToken);
        await TouchAsync(partnershipId, now, cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<Meeting>> MeetingsAsync(long partnershipId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<MeetingRow>(
            """
            SELECT id AS Id, partnership_id AS PartnershipId, starts_at AS StartsAt, format AS Format, note AS Note
            FROM meetings WHERE partnership_id = @PartnershipId ORDER BY starts_at, id
            """,
            new { PartnershipId = partnershipId }, cancellationToken)).Select(r => r.ToMeeting()).ToList();

    public async Task<Meeting?> FindMeetingAsync(long meetingId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<MeetingRow>(
            "SELECT id AS Id, partnership_id AS PartnershipId, starts_at AS StartsAt, format AS Format, note AS Note FROM meetings WHERE id = @Id",
            new { Id = meetingId }, cancellationToken))?.ToMeeting();

    // ---- Check-ins ----

    public async Task<long> AddCheckinAsync(long partnershipId, IReadOnlyDictionary<string, int> ratings, string comment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            "INSERT INTO checkins (partnership_id, comment, created_at) VALUES (@PartnershipId, @Comment, @Now) RETURNING id",
            new { PartnershipId = partnershipId, Comment = comment, Now = now }, cancellationToken);
        foreach (var (code, rating) in ratings)
        {
            await db.ExecuteAsync("INSERT INTO checkin_ratings (checkin_id, code, rating) VALUES (@Id, @Code, @Rating)",
                new { Id = id, Code = code, Rating = rating }, cancellationToken);
        }
        await TouchAsync(partnershipId, now, cancellationToken);
        return id;
    }

    public async Task<bool> AddMentorNoteAsync(long partnershipId, long checkinId, string note, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var changed = await db.ExecuteAsync(
            "UPDATE checkins SET mentor_note = @Note WHERE id = @CheckinId AND partnership_id = @PartnershipId",
            new { CheckinId = checkinId, PartnershipId = partnershipId, Note = note }, cancellationToken) == 1;
        if (changed)
        {
            await TouchAsync(partnershipId, now, cancellationToken);
        }
        return changed;
    }

    public async Task<IReadOnlyList<Checkin>> CheckinsAsync(long partnershipId, CancellationToken cancellationToken = default)
    {
        var rows = await db.QueryAsync<CheckinRow>(
            """
            SELECT id AS Id, partnership_id AS PartnershipId, comment AS Comment, mentor_note AS MentorNote, created_at AS CreatedAt
            FROM checkins WHERE partnership_id = @PartnershipId ORDER BY created_at, id
            """,
            new { PartnershipId = partnershipId }, cancellationToken);
        var ratings = (await db.QueryAsync<(long CheckinId, string Code, long Rating)>(
                "SELECT r.checkin_id, r.code, r.rating FROM checkin_ratings r JOIN checkins c ON c.id = r.checkin_id WHERE c.partnership_id = @PartnershipId",
                new { PartnershipId = partnershipId }, cancellationToken))
            .ToLookup(r => r.CheckinId);
        return rows.Select(r => new Checkin(r.Id, r.PartnershipId, r.Comment, r.MentorNote, r.CreatedAt,
            ratings[r.Id].ToDictionary(x => x.Code, x => (int)x.Rating))).ToList();
    }

    public Task SaveFeedbackAsync(long partnershipId, long authorId, string text, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO partnership_feedback (partnership_id, author_id, text, created_at) VALUES (@PartnershipId, @AuthorId, @Text, @Now)
            ON CONFLICT (partnership_id, author_id) DO UPDATE SET text = excluded.text, created_at = excluded.created_at
            """,
            new { PartnershipId = partnershipId, AuthorId = authorId, Text = text, Now = now }, cancellationToken);

    public async Task<IReadOnlyList<(long PartnershipId, string Text)>> FeedbackByAsync(long authorId, CancellationToken cancellationToken = default) =>
        await db.QueryAsync<(long, string)>("SELECT partnership_id, text FROM partnership_feedback WHERE author_id = @AuthorId",
            new { AuthorId = authorId }, cancellationToken);

    /// <summary>Erasure: the partnerships of the person, with everything in them, are removed.</summary>
    public Task DeleteInvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            DELETE FROM checkin_ratings WHERE checkin_id IN (SELECT c.id FROM checkins c JOIN partnerships p ON p.id = c.partnership_id WHERE p.mentee_id = @UserId OR p.mentor_id = @UserId);
            DELETE FROM checkins WHERE partnership_id IN (SELECT id FROM partnerships WHERE mentee_id = @UserId OR mentor_id = @UserId);
            DELETE FROM meetings WHERE partnership_id IN (SELECT id FROM partnerships WHERE mentee_id = @UserId OR mentor_id = @UserId);
            DELETE FROM plan_items WHERE partnership_id IN (SELECT id FROM partnerships WHERE mentee_id = @UserId OR mentor_id = @UserId);
            DELETE FROM partnership_feedback WHERE partnership_id IN (SELECT id FROM partnerships WHERE mentee_id = @UserId OR mentor_id = @UserId) OR author_id = @UserId;
            DELETE FROM partnerships WHERE mentee_id = @UserId OR mentor_id = @UserId;
            """,
            new { UserId = userId }, cancellationToken);

    private sealed class PartnershipRow
    {
        public long Id { get; init; }
        public long MenteeId { get; init; }
        public long MentorId { get; init; }
        public long RequestId { get; init; }
        public string Status { get; init; } = "";
        public string Goals { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
        public bool? MenteeProlongs { get; init; }
        public bool? MentorProlongs { get; init; }
        public string? EndReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset LastActivityAt { get; init; }

        public Partnership ToPartnership() => new(
            Id, MenteeId, MentorId, RequestId, Enum.Parse<PartnershipStatus>(Status),
            Goals.Length == 0 ? [] : Goals.Split(','), StartsOn, EndsOn, MenteeProlongs, MentorProlongs, EndReason, CreatedAt, LastActivityAt);
    }

    private sealed class PlanItemRow
    {
        public long Id { get; init; }
        public long PartnershipId { get; init; }
        public string Title { get; init; } = "";
        public string Owner { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public string Status { get; init; } = "";

        public PlanItem ToItem() => new(Id, PartnershipId, Title, Enum.Parse<PlanItemOwner>(Owner), DueOn, Enum.Parse<PlanItemStatus>(Status));
    }

    private sealed class MeetingRow
    {
        public long Id { get; init; }
        public long PartnershipId { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public string Format { get; init; } = "";
        public string Note { get; init; } = "";

        public Meeting ToMeeting() => new(Id, PartnershipId, StartsAt, Enum.Parse<MeetingFormat>(Format), Note);
    }

    private sealed class CheckinRow
    {
        public long Id { get; init; }
        public long PartnershipId { get; init; }
        public string Comment { get; init; } = "";
        public string? MentorNote { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
