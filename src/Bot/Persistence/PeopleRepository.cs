using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Schools;

namespace MentorBot.Bot.Persistence;

/// <summary>Directors' profiles and their taxonomy codes.</summary>
public sealed class PeopleRepository(DbSession db)
{
    private const string Columns =
        """
        user_id AS UserId, role AS Role, status AS Status, full_name AS FullName, position AS Position, school AS School,
        district AS District, settlement AS Settlement, settlement_kind AS SettlementKind, size_band AS SizeBand,
        school_status AS SchoolStatus, years_as_director AS YearsAsDirector, capacity AS Capacity, note AS Note,
        username AS Username, is_available AS IsAvailable, created_at AS CreatedAt, updated_at AS UpdatedAt,
        school_number AS SchoolNumber,
        (SELECT latitude FROM schools WHERE schools.district = people.district AND schools.number = people.school_number AND schools.is_closed = 0) AS Latitude,
        (SELECT longitude FROM schools WHERE schools.district = people.district AND schools.number = people.school_number AND schools.is_closed = 0) AS Longitude
        """;

    public async Task<DirectorProfile?> FindAsync(long userId, CancellationToken cancellationToken = default)
    {
        var row = await db.QuerySingleOrDefaultAsync<PersonRow>($"SELECT {Columns} FROM people WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var codes = await db.QueryAsync<CodeRow>(
            "SELECT user_id AS UserId, kind AS Kind, code AS Code FROM person_codes WHERE user_id = @UserId ORDER BY kind, priority",
            new { UserId = userId }, cancellationToken);
        return row.ToProfile(codes);
    }

    /// <summary>Profiles by role and status in the given districts (all districts when null), with their codes.</summary>
    public async Task<IReadOnlyList<DirectorProfile>> ListAsync(
        DirectorRole role, IReadOnlyCollection<ProfileStatus> statuses, IReadOnlyCollection<string>? districts, CancellationToken cancellationToken = default)
    {
        var filter = districts is null ? "" : " AND district IN @Districts";
        var rows = await db.QueryAsync<PersonRow>(
            $"SELECT {Columns} FROM people WHERE role = @Role AND status IN @Statuses{filter} ORDER BY created_at, user_id",
            new { Role = role.ToString(), Statuses = statuses.Select(s => s.ToString()).ToArray(), Districts = districts?.ToArray() },
            cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var codes = (await db.QueryAsync<CodeRow>(
                "SELECT user_id AS UserId, kind AS Kind, code AS Code FROM person_codes WHERE user_id IN @Ids ORDER BY kind, priority",
                new { Ids = rows.Select(r => r.UserId).ToArray() }, cancellationToken))
            .ToLookup(c => c.UserId);
        return rows.Select(r => r.ToProfile(codes[r.UserId])).ToList();
    }

    /// <summary>Writes the whole profile, replacing its codes.</summary>
    public async Task SaveAsync(DirectorProfile profile, CancellationToken cancellationToken = default)
    {
        await db.ExecuteAsync(
            """
            INSERT INTO people (user_id, role, status, full_name, position, school, district, settlement, settlement_kind, size_band,
                                school_status, years_as_director, capacity, note, username, is_available, created_at, updated_at, school_number)
            VALUES (@UserId, @Role, @Status, @FullName, @Position, @School, @District, @Settlement, @SettlementKind, @SizeBand,
                    @SchoolStatus, @YearsAsDirector, @Capacity, @Note, @Username, @IsAvailable, @CreatedAt, @UpdatedAt, @SchoolNumber)
            ON CONFLICT (user_id) DO UPDATE SET
                role = excluded.role, status = excluded.status, full_name = excluded.full_name, position = excluded.position,
                school = excluded.school, district = excluded.district, settlement = excluded.settlement,
                settlement_kind = excluded.settlement_kind, size_band = excluded.size_band, school_status = excluded.school_status,
                years_as_director = excluded.years_as_director, capacity = excluded.capacity, note = excluded.note,
                username = excluded.username, is_available = excluded.is_available, updated_at = excluded.updated_at,
                school_number = excluded.school_number
            """,
            new
            {
                profile.UserId,
                Role = profile.Role.ToString(),
                Status = profile.Status.ToString(),
                profile.FullName,
                profile.Position,
                profile.School,
                profile.District,
                profile.Settlement,
                SettlementKind = profile.SettlementKind.ToString(),
                SizeBand = profile.SizeBand.ToString(),
                SchoolStatus = profile.SchoolStatus.ToString(),
                profile.YearsAsDirector,
                profile.Capacity,
                profile.Note,
                profile.Username,
                profile.IsAvailable,
                profile.CreatedAt,
                profile.UpdatedAt,
                profile.SchoolNumber,
            },
            cancellationToken);
        await db.ExecuteAsync("DELETE FROM person_codes WHERE user_id = @UserId", new { profile.UserId }, cancellationToken);
        await InsertCodesAsync(profile.UserId, CodeKind.Deficit, profile.Deficits, cancellationToken);
        await InsertCodesAsync(profile.UserId, CodeKind.Strength, profile.Strengths, cancellationToken);
        await InsertCodesAsync(profile.UserId, CodeKind.Offer, profile.Offers, cancellationToken);
        await InsertCodesAsync(profile.UserId, CodeKind.Wants, profile.WantsToLearn, cancellationToken);
    }

    /// <summary>A coordinator's decision on a pending flagship; false when it was no longer pending.</summary>
    public async Task<bool> ReviewAsync(long userId, ProfileStatus decision, long reviewerId, string? reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            UPDATE people SET status = @Decision, reviewed_by = @ReviewerId, reviewed_at = @Now, rejection_reason = @Reason, updated_at = @Now
            WHERE user_id = @UserId AND role = 'Flagship' AND status = 'Pending'
            """,
            new { UserId = userId, Decision = decision.ToString(), ReviewerId = reviewerId, Reason = reason, Now = now }, cancellationToken) == 1;

    public Task SetAvailabilityAsync(long userId, bool available, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("UPDATE people SET is_available = @Available, updated_at = @Now WHERE user_id = @UserId",
            new { UserId = userId, Available = available, Now = now }, cancellationToken);

    public Task DeleteAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM person_codes WHERE user_id = @UserId; DELETE FROM people WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);

    private async Task InsertCodesAsync(long userId, CodeKind kind, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            await db.ExecuteAsync(
                "INSERT INTO person_codes (user_id, kind, code, priority) VALUES (@UserId, @Kind, @Code, @Priority) ON CONFLICT DO NOTHING",
                new { UserId = userId, Kind = kind.ToString(), Code = codes[i], Priority = i + 1 }, cancellationToken);
        }
    }

    private enum CodeKind
    {
        Deficit,
        Strength,
        Offer,
        Wants,
    }

    private sealed record CodeRow(long UserId, string Kind, string Code);

    private sealed class PersonRow
    {
        public long UserId { get; init; }
        public string Role { get; init; } = "";
        public string Status { get; init; } = "";
        public string FullName { get; init; } = "";
        public string Position { get; init; } = "";
        public string School { get; init; } = "";
        public string District { get; init; } = "";
        public string Settlement { get; init; } = "";
        public string SettlementKind { get; init; } = "";
        public string SizeBand { get; init; } = "";
        public string SchoolStatus { get; init; } = "";
        public long YearsAsDirector { get; init; }
        public long Capacity { get; init; }
        public string Note { get; init; } = "";
        public string? Username { get; init; }
        public bool IsAvailable { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string? SchoolNumber { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }

        public DirectorProfile ToProfile(IEnumerable<CodeRow> codes)
        {
            var byKind = codes.ToLookup(c => c.Kind, c => c.Code);
            return new DirectorProfile
            {
                UserId = UserId,
                Role = Enum.Parse<DirectorRole>(Role),
                Status = Enum.Parse<ProfileStatus>(Status),
                FullName = FullName,
                Position = Position,
                School = School,
                District = District,
                Settlement = Settlement,
                SettlementKind = Enum.Parse<SettlementKind>(SettlementKind),
                SizeBand = Enum.Parse<SizeBand>(SizeBand),
                SchoolStatus = Enum.Parse<SchoolStatus>(SchoolStatus),
                YearsAsDirector = (int)YearsAsDirector,
                Capacity = (int)Capacity,
                Note = Note,
                Username = Username,
                IsAvailable = IsAvailable,
                Deficits = byKind[nameof(CodeKind.Deficit)].ToList(),
                Strengths = byKind[nameof(CodeKind.Strength)].ToList(),
                Offers = byKind[nameof(CodeKind.Offer)].ToList(),
                WantsToLearn = byKind[nameof(CodeKind.Wants)].ToList(),
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
                SchoolNumber = SchoolNumber,
                Location = Latitude is { } latitude && Longitude is { } longitude ? new Coordinates(latitude, longitude) : null,
            };
        }
    }
}
