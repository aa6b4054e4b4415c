namespace MentorBot.Bot.Persistence;

/// <summary>An internship site's programme; <see cref="HostId"/> is the site's director, null once they erased their data.</summary>
public sealed record InternshipProgramme(
    long Id, long? HostId, string School, string District, string Theme, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Codes);

public sealed record NewInternshipProgramme(long HostId, string School, string District, string Theme, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<string> Codes);

public enum ParticipationStatus
{
    Requested,
    Confirmed,
    Declined,
}

public sealed record Participation(long ProgrammeId, long UserId, ParticipationStatus Status, DateTimeOffset RequestedAt);

/// <summary>Internship sites, their programmes and who takes part.</summary>
public sealed class InternshipRepository(DbSession db)
{
    private const string Columns =
        """
        SELECT id AS Id, host_id AS HostId, school AS School, district AS District, theme AS Theme, starts_on AS StartsOn, ends_on AS EndsOn
        FROM internship_programmes
        """;

    private const string ParticipationColumns =
        "SELECT programme_id AS ProgrammeId, user_id AS UserId, status AS Status, requested_at AS RequestedAt FROM internship_participants";

    public async Task<long> CreateAsync(NewInternshipProgramme programme, long createdBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var id = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO internship_programmes (host_id, school, district, theme, starts_on, ends_on, created_by, created_at)
            VALUES (@HostId, @School, @District, @Theme, @StartsOn, @EndsOn, @CreatedBy, @Now)
            RETURNING id
            """,
            new { programme.HostId, programme.School, programme.District, programme.Theme, programme.StartsOn, programme.EndsOn, CreatedBy = createdBy, Now = now },
            cancellationToken);
        foreach (var code in programme.Codes)
        {
            await db.ExecuteAsync("INSERT INTO internship_codes (programme_id, code) VALUES (@Id, @Code) ON CONFLICT DO NOTHING", new { Id = id, Code = code }, cancellationToken);
        }
        return id;
    }

    public async Task<InternshipProgramme?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        (await WithCodesAsync(await db.QueryAsync<ProgrammeRow>($"{Columns} WHERE id = @Id", new { Id = id }, cancellationToken), cancellationToken)).SingleOrDefault();

    /// <summary>Programmes not ended by <paramref name="today"/>, in the given districts or everywhere, soonest first.</summary>
    public async Task<IReadOnlyList<InternshipProgramme>> OpenAsync(DateOnly today, IReadOnlyCollection<string>? districts, CancellationToken cancellationToken = default) =>
        await WithCodesAsync(await db.QueryAsync<ProgrammeRow>(
            $"{Columns} WHERE ends_on >= @Today {(districts is null ? "" : "AND district IN @Districts")} ORDER BY starts_on, id",
            new { Today = today, Districts = districts?.ToArray() }, cancellationToken),
            cancellationToken);

    public async Task<IReadOnlyList<InternshipProgramme>> HostedByAsync(long hostId, CancellationToken cancellationToken = default) =>
        await WithCodesAsync(await db.QueryAsync<ProgrammeRow>($"{Columns} WHERE host_id = @HostId ORDER BY id", new { HostId = hostId }, cancellationToken), cancellationToken);

    /// <summary>Whether the person's school hosts any internship programme; read for every update, so one cheap query.</summary>
    public async Task<bool> HostsAnyAsync(long hostId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM internship_programmes WHERE host_id = @HostId", new { HostId = hostId }, cancellationToken) > 0;

    public async Task<Participation?> ParticipationAsync(long programmeId, long userId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<ParticipationRow>($"{ParticipationColumns} WHERE programme_id = @ProgrammeId AND user_id = @UserId",
            new { ProgrammeId = programmeId, UserId = userId }, cancellationToken))?.ToParticipation();

    /// <summary>Records a request to join; false when the person already asked (whatever the answer was).</summary>
    public async Task<bool> RequestAsync(long programmeId, long userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            INSERT INTO internship_participants (programme_id, user_id, status, requested_at) VALUES (@ProgrammeId, @UserId, 'Requested', @Now)
            ON CONFLICT DO NOTHING
            """,
            new { ProgrammeId = programmeId, UserId = userId, Now = now }, cancellationToken) == 1;

    /// <summary>A coordinator's answer to a request; false when it was already answered.</summary>
    public async Task<bool> DecideAsync(long programmeId, long userId, ParticipationStatus decision, long decidedBy, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE internship_participants SET status = @Decision, decided_by = @DecidedBy, decided_at = @Now
            WHERE programme_id = @ProgrammeId AND user_id = @UserId AND status = 'Requested'
            """,
            new { ProgrammeId = programmeId, UserId = userId, Decision = decision.ToString(), DecidedBy = decidedBy, Now = now }, cancellationToken) == 1;

    public async Task<IReadOnlyList<Participation>> ParticipantsAsync(long programmeId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<ParticipationRow>($"{ParticipationColumns} WHERE programme_id = @ProgrammeId ORDER BY requested_at, user_id",
            new { ProgrammeId = programmeId }, cancellationToken)).Select(r => r.ToParticipation()).ToList();

    public async Task<IReadOnlyList<Participation>> ParticipationsOfAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<ParticipationRow>($"{ParticipationColumns} WHERE user_id = @UserId ORDER BY requested_at",
            new { UserId = userId }, cancellationToken)).Select(r => r.ToParticipation()).ToList();

    /// <summary>
    /// Erasure: the person's requests and participations go; a programme they host stays, as its school's, without
    /// them; their decisions and the programmes they created no longer name them.
    /// </summary>
    public Task ForgetPersonAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            DELETE FROM internship_participants WHERE user_id = @UserId;
            UPDATE internship_participants SET decided_by = NULL WHERE decided_by = @UserId;
            UPDATE internship_programmes SET host_id = NULL WHERE host_id = @UserId;
            UPDATE internship_programmes SET created_by = NULL WHERE created_by = @UserId;
            """,
            new { UserId = userId }, cancellationToken);

    private async Task<IReadOnlyList<InternshipProgramme>> WithCodesAsync(IReadOnlyList<ProgrammeRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var codes = (await db.QueryAsync<(long ProgrammeId, string Code)>(
                "SELECT programme_id, code FROM internship_codes WHERE programme_id IN @Ids ORDER BY code", new { Ids = rows.Select(r => r.Id).ToArray() }, cancellationToken))
            .ToLookup(c => c.ProgrammeId, c => c.Code);
        return rows.Select(r => new InternshipProgramme(r.Id, r.HostId, r.School, r.District, r.Theme, r.StartsOn, r.EndsOn, codes[r.Id].ToList())).ToList();
    }

    private sealed class ProgrammeRow
    {
        public long Id { get; init; }
        public long? HostId { get; init; }
        public string School { get; init; } = "";
        public string District { get; init; } = "";
        public string Theme { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
    }

    private sealed class ParticipationRow
    {
        public long ProgrammeId { get; init; }
        public long UserId { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset RequestedAt { get; init; }

        public Participation ToParticipation() => new(ProgrammeId, UserId, Enum.Parse<ParticipationStatus>(Status), RequestedAt);
    }
}
