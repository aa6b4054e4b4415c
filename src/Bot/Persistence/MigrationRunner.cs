using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<DatabaseProvider, IReadOnlyList<Migration>> EmbeddedByProvider = new();

    /// <summary>The migrations written for this database, by ascending version.</summary>
    public IReadOnlyList<Migration> Embedded => For(connections.Dialect);

    public int LatestVersion => Embedded.Count == 0 ? 0 : Embedded[^1].Version;

    public static IReadOnlyList<Migration> For(SqlDialect dialect) =>
        EmbeddedByProvider.GetOrAdd(dialect.Provider, _ => LoadEmbedded(dialect.MigrationsResourcePrefix));

    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(connections.Dialect.BeforeMigrationsSql);
        try
        {
            await ApplyPendingAsync(connection, cancellationToken);
        }
        finally
        {
            if (connections.Dialect.AfterMigrationsSql is { } after)
            {
                await connection.ExecuteAsync(after);
            }
        }
    }

    private async Task ApplyPendingAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");

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
            logger.MigrationApplied(migration.Version, migration.Name);
        }
    }

    /// <summary>The database cannot be reached, opened or written, rather than a statement being wrong.</summary>
    public bool IsUnavailable(System.Data.Common.DbException error) => connections.Dialect.IsUnavailable(error);

    /// <summary>
    /// Throws the database's own error when it cannot be written, e.g. a read-only file or a vanished one. Queued behind
    /// the bot's own writers, as a write of its own.
    /// </summary>
    public async Task ProbeWriteAsync(CancellationToken cancellationToken = default)
    {
        if (connections.Dialect.WriteProbeSql is not { } probe)
        {
            return;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var gate = connections.WriteGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }
        try
        {
            await connection.ExecuteAsync(probe);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>The highest version recorded, or 0 for an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(connections.Dialect.MigrationsTableExistsSql);
        return exists == 0 ? 0 : await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    }

    private static List<Migration> LoadEmbedded(string resourcePrefix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[resourcePrefix.Length..^".sql".Length];
                var separator = fileName.IndexOf('_', StringComparison.Ordinal);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new Migration(int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture), fileName[(separator + 1)..], reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {MigrationVersion} {MigrationName}")]
    public static partial void MigrationApplied(this ILogger logger, int migrationVersion, string migrationName);
}
