using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Persistence;

/// <summary>Opens connections to the bot's database with the pragmas every connection needs.</summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    SqlDialect Dialect { get; }

    /// <summary>
    /// Held by a writer for the length of its write, where the database allows one writer at a time (SQLite): waiting
    /// here is a fair in-process queue, where waiting on the file lock would be SQLite's busy handler sleeping in steps.
    /// Null where the database takes concurrent writers.
    /// </summary>
    SemaphoreSlim? WriteGate { get; }
}

public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;

    public SemaphoreSlim? WriteGate { get; } = new(1, 1);

    public SqlDialect Dialect => SqliteDialect.Instance;

    public SqliteConnectionFactory(IOptions<DatabaseOptions> options)
    {
        var settings = options.Value;
        _busyTimeoutMilliseconds = settings.BusyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = settings.FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, settings.BusyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // NORMAL sync is durable across process crashes in WAL mode (set once, by the migration runner); the busy timeout
        // covers writers in other processes, such as a backup. secure_delete zeroes deleted content, so that an erased
        // person's text is not left in free space of the file, nor carried into a backup (cost: docs/benchmarks.md).
        pragma.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; PRAGMA busy_timeout={_busyTimeoutMilliseconds};";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
