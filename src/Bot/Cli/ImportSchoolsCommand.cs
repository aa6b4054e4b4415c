using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Cli;

/// <summary>
/// <c>import-schools --district CODE --input FILE [--apply]</c>: the same import as a coordinator's file in the bot,
/// on the server. Without <c>--apply</c> it only shows what would change; with it, it applies that in one transaction.
/// </summary>
public sealed class ImportSchoolsCommand : ICliCommand
{
    private const string Usage = "Usage: import-schools --district CODE --input FILE.xlsx|FILE.csv [--apply]";

    public string Name => "import-schools";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        string? district = null;
        string? input = null;
        var apply = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--district" or "-d":
                    district = i + 1 < args.Count ? args[++i] : null;
                    break;
                case "--input" or "-i":
                    input = i + 1 < args.Count ? args[++i] : null;
                    break;
                case "--apply":
                    apply = true;
                    break;
                default:
                    await context.Error.WriteLineAsync($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        if (string.IsNullOrWhiteSpace(district) || string.IsNullOrWhiteSpace(input))
        {
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }
        var catalog = context.Configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
        if (catalog.Districts.FirstOrDefault(d => d.Code == district) is not { } entry)
        {
            await context.Error.WriteLineAsync(
                $"Unknown district '{district}'. Known codes (Catalog:Districts): {string.Join(", ", catalog.Districts.Select(d => d.Code))}.");
            return 2;
        }
        if (!File.Exists(input))
        {
            await context.Error.WriteLineAsync($"There is no file {Path.GetFullPath(input)}.");
            return 2;
        }

        var limits = context.Configuration.GetSection(SchoolsOptions.Section).Get<SchoolsOptions>() ?? new SchoolsOptions();
        var fileName = Path.GetFileName(input);
        SchoolRoster roster;
        try
        {
            var info = new FileInfo(input);
            roster = info.Length > limits.MaxFileBytes
                ? throw new SchoolFileException(SchoolTexts.FileTooLarge(limits.MaxFileBytes))
                : SchoolRoster.From(SchoolSheet.Read(await File.ReadAllBytesAsync(input, cancellationToken), fileName, limits));
        }
        catch (SchoolFileException rejected)
        {
            await context.Error.WriteLineAsync(Plain(rejected.Reason));
            return 1;
        }
        if (!roster.IsValid)
        {
            await context.Error.WriteLineAsync(Plain(SchoolTexts.RowsRejected(fileName, roster)));
            return 1;
        }

        var database = context.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var connections = Connections(database);
        DapperTypeHandlers.Register();
        await new MigrationRunner(connections, TimeProvider.System, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        await using var session = new DbSession(connections);
        var import = new SchoolImport(new SchoolRepository(session));
        var plan = await session.InTransactionAsync(async () =>
        {
            var planned = await import.PlanAsync(district, roster, cancellationToken);
            if (apply && planned.HasChanges)
            {
                await import.ApplyAsync(planned, TimeProvider.System.GetUtcNow(), cancellationToken);
            }
            return planned;
        }, cancellationToken);

        await context.Out.WriteLineAsync(Plain(SchoolTexts.Preview(fileName, entry.Name, plan)));
        if (plan.HasChanges)
        {
            await context.Out.WriteLineAsync(apply ? Plain(SchoolTexts.Applied(entry.Name, plan)) : "Nothing was changed: run again with --apply to apply.");
        }
        return 0;
    }

    private static string Plain(HtmlText text) => Html.ToPlainText(text.Value);

    /// <summary>The configured database, for the one-shot commands that write to it.</summary>
    internal static AsyncDisposableFactory Connections(DatabaseOptions database) => new(database.Provider == DatabaseProvider.PostgreSql
        ? new PostgresConnectionFactory(Options.Create(database))
        : new SqliteConnectionFactory(Options.Create(database)));

    /// <summary>Disposes the factory when it holds a pool (PostgreSQL's data source).</summary>
    internal sealed class AsyncDisposableFactory(IDbConnectionFactory inner) : IDbConnectionFactory, IAsyncDisposable
    {
        public SqlDialect Dialect => inner.Dialect;
        public SemaphoreSlim? WriteGate => inner.WriteGate;
        public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken = default) => inner.OpenAsync(cancellationToken);
        public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
