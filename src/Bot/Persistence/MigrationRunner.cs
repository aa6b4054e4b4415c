using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Persistence;

/// <summary>A versioned SQL script shipped inside the assembly, named <c>NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>Applies the embedded migrations that are not yet recorded, each inside its own transaction.</summary>
public sealed class MigrationRunner(IDbConnectionFactory connections, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    private const string ResourcePrefix = "migrations/sqlite/";

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // WAL lets readers run beside the single writer; the mode is stored in the file, so once is enough.
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL");
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");

        foreach (var migration in Embedded)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Checked inside the transaction, so two processes starting together apply each script once.
            var applied = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction);
            if (applied > 0)
            {
                continue;
            }
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = clock.GetUtcNow() }, transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {MigrationVersion} {MigrationName}", migration.Version, migration.Name);
        }
    }

    /// <summary>The highest version recorded, or 0 for an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        return exists == 0 ? 0 : await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[ResourcePrefix.Length..^".sql".Length];
                var separator = fileName.IndexOf('_', StringComparison.Ordinal);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new Migration(int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture), fileName[(separator + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}
