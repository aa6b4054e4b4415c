namespace MentorBot.Bot.Persistence;

/// <summary>The catalog codes that stored profiles use, to hold the configuration against them.</summary>
public sealed class CatalogUsageRepository(DbSession db)
{
    public Task<IReadOnlyList<string>> TaxonomyCodesAsync(CancellationToken cancellationToken = default) =>
        db.QueryAsync<string>("SELECT DISTINCT code FROM person_codes ORDER BY code", cancellationToken: cancellationToken);

    public Task<IReadOnlyList<string>> DistrictCodesAsync(CancellationToken cancellationToken = default) =>
        db.QueryAsync<string>("SELECT DISTINCT district FROM people ORDER BY district", cancellationToken: cancellationToken);
}
