using MentorBot.Bot.Features.DesignatedPairs;

namespace MentorBot.Bot.Persistence;

/// <summary>The forum resolution's designated pairs of each district, and the directors registered at their schools.</summary>
public sealed class DesignatedPairRepository(DbSession db)
{
    private const string Columns =
        """
        id AS Id, district AS District, flagship_number AS FlagshipNumber, young_number AS YoungNumber, status AS Status,
        mentor_id AS MentorId, mentee_id AS MenteeId, mentor_confirmed AS MentorConfirmed, mentee_confirmed AS MenteeConfirmed,
        declined_by AS DeclinedBy, partnership_id AS PartnershipId
        """;

    // A school's director: the earliest profile naming it. A flagship counts once registered (approved or not), for
    // capacity; proposals check the approval themselves. A young director counts once their profile is active.
    private const string Resolved =
        """
        (SELECT p.user_id FROM people p WHERE p.district = designated_pairs.district AND p.school_number = designated_pairs.flagship_number
            AND p.role = 'Flagship' AND p.status IN ('Approved', 'Pending') ORDER BY p.created_at, p.user_id LIMIT 1) AS FlagshipUserId,
        (SELECT p.user_id FROM people p WHERE p.district = designated_pairs.district AND p.school_number = designated_pairs.young_number
            AND p.role = 'Young' AND p.status = 'Active' ORDER BY p.created_at, p.user_id LIMIT 1) AS YoungUserId
        """;

    public async Task<DesignatedPair?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<PairRow>($"SELECT {Columns} FROM designated_pairs WHERE id = @Id", new { Id = id }, cancellationToken))?.ToPair();

    /// <summary>Every pair of the district, in every status, oldest first.</summary>
    public async Task<IReadOnlyList<DesignatedPair>> ListAsync(string district, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PairRow>($"SELECT {Columns} FROM designated_pairs WHERE district = @District ORDER BY id", new { District = district }, cancellationToken))
        .Select(r => r.ToPair()).ToList();

    /// <summary>The waiting and proposed pairs, with their schools' registered directors; every district when <paramref name="districts"/> is null.</summary>
    public async Task<IReadOnlyList<DesignatedPairView>> LiveAsync(IReadOnlyCollection<string>? districts, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<ViewRow>(
            $"""
            SELECT {Columns}, {Resolved} FROM designated_pairs
            WHERE status IN ('Waiting', 'Proposed') {(districts is null ? "" : "AND district IN @Districts")} ORDER BY id
            """,
            new { Districts = districts?.ToArray() ?? [] }, cancellationToken))
        .Select(r => new DesignatedPairView(r.ToPair(), r.FlagshipUserId, r.YoungUserId)).ToList();

    /// <summary>The live pair of a young director's school, if there is one.</summary>
    public async Task<DesignatedPair?> LiveOfYoungSchoolAsync(string district, string number, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<PairRow>(
            $"SELECT {Columns} FROM designated_pairs WHERE district = @District AND young_number = @Number AND status IN ('Waiting', 'Proposed')",
            new { District = district, Number = number }, cancellationToken))?.ToPair();

    /// <summary>The partnerships that a designated pair started.</summary>
    public async Task<IReadOnlySet<long>> StartedPartnershipsAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<long>("SELECT partnership_id FROM designated_pairs WHERE status = 'Started' AND partnership_id IS NOT NULL", cancellationToken: cancellationToken))
        .ToHashSet();

    public Task InsertAsync(string district, string flagshipNumber, string youngNumber, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO designated_pairs (district, flagship_number, young_number, status, created_at, updated_at)
            VALUES (@District, @Flagship, @Young, 'Waiting', @Now, @Now)
            """,
            new { District = district, Flagship = flagshipNumber, Young = youngNumber, Now = now }, cancellationToken);

    /// <summary>Moves a pair from one of <paramref name="from"/> to <paramref name="to"/>; false when it was no longer in one of them.</summary>
    public async Task<bool> MoveAsync(long id, IReadOnlyCollection<DesignatedPairStatus> from, DesignatedPairStatus to, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            "UPDATE designated_pairs SET status = @To, updated_at = @Now WHERE id = @Id AND status IN @From",
            new { Id = id, From = from.Select(s => s.ToString()).ToArray(), To = to.ToString(), Now = now }, cancellationToken) == 1;

    /// <summary>A waiting pair is proposed to these two directors; false when another update proposed it first.</summary>
    public async Task<bool> ProposeAsync(long id, long mentorId, long menteeId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE designated_pairs SET status = 'Proposed', mentor_id = @MentorId, mentee_id = @MenteeId, mentor_confirmed = 0, mentee_confirmed = 0, updated_at = @Now
            WHERE id = @Id AND status = 'Waiting'
            """,
            new { Id = id, MentorId = mentorId, MenteeId = menteeId, Now = now }, cancellationToken) == 1;

    /// <summary>Records one side's confirmation of a proposed pair; false when the pair is no longer proposed to them.</summary>
    public async Task<bool> ConfirmAsync(long id, PairSide side, long userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            side == PairSide.Mentor
                ? "UPDATE designated_pairs SET mentor_confirmed = 1, updated_at = @Now WHERE id = @Id AND status = 'Proposed' AND mentor_id = @UserId"
                : "UPDATE designated_pairs SET mentee_confirmed = 1, updated_at = @Now WHERE id = @Id AND status = 'Proposed' AND mentee_id = @UserId",
            new { Id = id, UserId = userId, Now = now }, cancellationToken) == 1;

    /// <summary>Takes a pair both sides confirmed to started; only one caller wins, so a partnership opens once.</summary>
    public async Task<bool> StartAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            "UPDATE designated_pairs SET status = 'Started', updated_at = @Now WHERE id = @Id AND status = 'Proposed' AND mentor_confirmed = 1 AND mentee_confirmed = 1",
            new { Id = id, Now = now }, cancellationToken) == 1;

    public Task SetPartnershipAsync(long id, long partnershipId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE designated_pairs SET partnership_id = @PartnershipId WHERE id = @Id", new { Id = id, PartnershipId = partnershipId }, cancellationToken);

    /// <summary>One side declines a proposed pair; false when it was no longer proposed to them.</summary>
    public async Task<bool> DeclineAsync(long id, PairSide side, long userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            $"""
            UPDATE designated_pairs SET status = 'Declined', declined_by = @Side, updated_at = @Now
            WHERE id = @Id AND status = 'Proposed' AND {(side == PairSide.Mentor ? "mentor_id" : "mentee_id")} = @UserId
            """,
            new { Id = id, Side = side.ToString(), UserId = userId, Now = now }, cancellationToken) == 1;

    public async Task<IReadOnlyList<DesignatedPair>> InvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<PairRow>($"SELECT {Columns} FROM designated_pairs WHERE mentor_id = @UserId OR mentee_id = @UserId ORDER BY id",
            new { UserId = userId }, cancellationToken)).Select(r => r.ToPair()).ToList();

    /// <summary>
    /// The person erased their data: a pair proposed to them waits again for their school's next director, and no row
    /// keeps their id.
    /// </summary>
    public Task ForgetAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            UPDATE designated_pairs SET status = 'Waiting', mentor_id = NULL, mentee_id = NULL, mentor_confirmed = 0, mentee_confirmed = 0, updated_at = @Now
            WHERE status = 'Proposed' AND (mentor_id = @UserId OR mentee_id = @UserId);
            UPDATE designated_pairs SET mentor_id = NULL WHERE mentor_id = @UserId;
            UPDATE designated_pairs SET mentee_id = NULL WHERE mentee_id = @UserId
            """,
            new { UserId = userId, Now = now }, cancellationToken);

    private class PairRow
    {
        public long Id { get; init; }
        public string District { get; init; } = "";
        public string FlagshipNumber { get; init; } = "";
        public string YoungNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public long? MentorId { get; init; }
        public long? MenteeId { get; init; }
        public long MentorConfirmed { get; init; }
        public long MenteeConfirmed { get; init; }
        public string? DeclinedBy { get; init; }
        public long? PartnershipId { get; init; }

        public DesignatedPair ToPair() => new(
            Id, District, FlagshipNumber, YoungNumber, Enum.Parse<DesignatedPairStatus>(Status), MentorId, MenteeId, MentorConfirmed != 0, MenteeConfirmed != 0,
            DeclinedBy is { } side ? Enum.Parse<PairSide>(side) : null, PartnershipId);
    }

    private sealed class ViewRow : PairRow
    {
        public long? FlagshipUserId { get; init; }
        public long? YoungUserId { get; init; }
    }
}
