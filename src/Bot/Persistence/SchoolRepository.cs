using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Schools;

namespace MentorBot.Bot.Persistence;

/// <summary>The districts' school registries, and the profiles that name a registry school.</summary>
public sealed class SchoolRepository(DbSession db)
{
    private const string Columns =
        """
        number AS Number, full_name AS FullName, settlement AS Settlement, settlement_kind AS SettlementKind, size_band AS SizeBand,
        status AS Status, latitude AS Latitude, longitude AS Longitude, director_name AS DirectorName, is_closed AS IsClosed
        """;

    /// <summary>Every school of the district, closed ones included.</summary>
    public async Task<IReadOnlyList<School>> ListAsync(string district, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<SchoolRow>($"SELECT {Columns} FROM schools WHERE district = @District", new { District = district }, cancellationToken))
        .Select(r => r.ToSchool()).ToList();

    /// <summary>The school, open or closed; null when the registry has no such number.</summary>
    public async Task<School?> FindAsync(string district, string number, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<SchoolRow>($"SELECT {Columns} FROM schools WHERE district = @District AND number = @Number",
            new { District = district, Number = number }, cancellationToken))?.ToSchool();

    /// <summary>The open schools of these districts, for registration to choose from.</summary>
    public async Task<IReadOnlyList<(string District, School School)>> OpenInAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<DistrictSchoolRow>(
            $"SELECT district AS District, {Columns} FROM schools WHERE is_closed = 0 AND district IN @Districts",
            new { Districts = districts.ToArray() }, cancellationToken))
        .Select(r => (r.District, r.ToSchool())).ToList();

    public async Task<bool> AnyOpenAsync(string district, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schools WHERE district = @District AND is_closed = 0", new { District = district }, cancellationToken) > 0;

    /// <summary>The directors whose profiles name one of these schools of the district.</summary>
    public Task<IReadOnlyList<SchoolReference>> ReferencesAsync(string district, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default) =>
        numbers.Count == 0
            ? Task.FromResult<IReadOnlyList<SchoolReference>>([])
            : db.QueryAsync<SchoolReference>(
                """
                SELECT school_number AS Number, user_id AS UserId, full_name AS FullName FROM people
                WHERE district = @District AND school_number IN @Numbers ORDER BY school_number, full_name
                """,
                new { District = district, Numbers = numbers.ToArray() }, cancellationToken);

    public Task InsertAsync(string district, School school, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO schools (district, number, full_name, settlement, settlement_kind, size_band, status, latitude, longitude, director_name, is_closed, updated_at)
            VALUES (@District, @Number, @FullName, @Settlement, @SettlementKind, @SizeBand, @Status, @Latitude, @Longitude, @DirectorName, 0, @Now)
            """,
            Parameters(district, school, now), cancellationToken);

    /// <summary>Writes the file's version of the school, which also reopens a closed one.</summary>
    public Task UpdateAsync(string district, School school, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            UPDATE schools SET full_name = @FullName, settlement = @Settlement, settlement_kind = @SettlementKind, size_band = @SizeBand,
                status = @Status, latitude = @Latitude, longitude = @Longitude, director_name = @DirectorName, is_closed = 0, updated_at = @Now
            WHERE district = @District AND number = @Number
            """,
            Parameters(district, school, now), cancellationToken);

    public Task DeleteAsync(string district, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default) =>
        numbers.Count == 0 ? Task.CompletedTask : db.ExecuteAsync(
            "DELETE FROM schools WHERE district = @District AND number IN @Numbers",
            new { District = district, Numbers = numbers.ToArray() }, cancellationToken);

    public Task CloseAsync(string district, IReadOnlyCollection<string> numbers, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        numbers.Count == 0 ? Task.CompletedTask : db.ExecuteAsync(
            "UPDATE schools SET is_closed = 1, updated_at = @Now WHERE district = @District AND number IN @Numbers",
            new { District = district, Numbers = numbers.ToArray(), Now = now }, cancellationToken);

    private static object Parameters(string district, School school, DateTimeOffset now) => new
    {
        District = district,
        school.Number,
        school.FullName,
        school.Settlement,
        SettlementKind = school.SettlementKind.ToString(),
        SizeBand = school.SizeBand.ToString(),
        Status = school.Status.ToString(),
        Latitude = school.Location?.Latitude,
        Longitude = school.Location?.Longitude,
        school.DirectorName,
        Now = now,
    };

    private sealed record DistrictSchoolRow : SchoolRow
    {
        public string District { get; init; } = "";
    }

    private record SchoolRow
    {
        public string Number { get; init; } = "";
        public string FullName { get; init; } = "";
        public string Settlement { get; init; } = "";
        public string SettlementKind { get; init; } = "";
        public string SizeBand { get; init; } = "";
        public string Status { get; init; } = "";
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public string? DirectorName { get; init; }
        public long IsClosed { get; init; }

        public School ToSchool() => new(
            Number, FullName, Settlement,
            Enum.Parse<SettlementKind>(SettlementKind), Enum.Parse<SizeBand>(SizeBand), Enum.Parse<RegistryStatus>(Status),
            Latitude is { } lat && Longitude is { } lon ? new Coordinates(lat, lon) : null,
            DirectorName, IsClosed != 0);
    }
}
