using MentorBot.Bot.Catalog;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// The part of the configuration check that needs the database: every taxonomy and district code a stored profile
/// uses must still be configured, or people would hold deficits nobody can read or match.
/// </summary>
public sealed class StoredCatalogCheck(IServiceProvider services, IStartupValidator options)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // Every options class first, so that a wrong setting stops the bot before it creates or migrates a database;
        // the services below are resolved only afterwards, since creating them reads their options.
        ConfigurationValidation.ValidateOptions(options);
        var migrations = services.GetRequiredService<MigrationRunner>();
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>();
        var catalog = services.GetRequiredService<IOptions<CatalogOptions>>();
        try
        {
            // Before anything else writes (bootstrap coordinators, the receiver): a database the bot cannot open or
            // write is one line naming it, not a stack trace from whichever service tried first.
            await migrations.ApplyAsync(cancellationToken);
            await migrations.ProbeWriteAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException error) when (migrations.IsUnavailable(error))
        {
            throw new DatabaseUnavailableException($"Cannot open the database {database.Value.Location} for writing ({FirstLine(error.Message)}): "
                + "check that its directory exists and that the bot's user may write to it.");
        }
        // After the migrations, since one of them may rename codes along with a new configuration.
        await using var scope = services.CreateAsyncScope();
        var usage = scope.ServiceProvider.GetRequiredService<CatalogUsageRepository>();
        ThrowIfMissing("Catalog:Taxonomy", await usage.TaxonomyCodesAsync(cancellationToken), catalog.Value.Taxonomy.Select(e => e.Code));
        ThrowIfMissing("Catalog:Districts", await usage.DistrictCodesAsync(cancellationToken), catalog.Value.Districts.Select(d => d.Code));
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private static void ThrowIfMissing(string key, IReadOnlyList<string> stored, IEnumerable<string> configured)
    {
        var missing = stored.Except(configured, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigurationException(
                $"{key} lacks {string.Join(", ", missing.Select(code => $"'{code}'"))}, which stored profiles use; put them back (a label may change, a code may not).");
        }
    }
}
