using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Persistence;

/// <summary>A profile created in the digest's week.</summary>
public sealed record Registration(long UserId, DirectorRole Role, string FullName, string School, string District, DateTimeOffset CreatedAt);

/// <summary>The coordinators' weekly digest: who gets one, and what it reports beyond what other repositories answer.</summary>
public sealed class DigestRepository(DbSession db)
{
    public Task<IReadOnlyList<long>> CoordinatorIdsAsync(CancellationToken cancellationToken = default) =>
        db.QueryAsync<long>("SELECT user_id FROM coordinators ORDER BY user_id", cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<Registration>> RegistrationsSinceAsync(
        IReadOnlyCollection<string> districts, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var rows = await db.QueryAsync<(long UserId, string Role, string FullName, string School, string District, DateTimeOffset CreatedAt)>(
            """
            SELECT user_id, role, full_name, school, district, created_at FROM people
            WHERE district IN @Districts AND created_at >= @Since
            ORDER BY created_at, user_id
            """,
            new { Districts = districts.ToArray(), Since = since }, cancellationToken);
        return rows.Select(r => new Registration(r.UserId, Enum.Parse<DirectorRole>(r.Role), r.FullName, r.School, r.District, r.CreatedAt)).ToList();
    }
}
