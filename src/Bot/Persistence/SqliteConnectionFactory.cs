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
    private readonly string _path;
    private readonly int _busyTimeoutMilliseconds;
    private volatile bool _fileSeen;

    public SemaphoreSlim? WriteGate { get; } = new(1, 1);

    public SqlDialect Dialect => SqliteDialect.Instance;

    public SqliteConnectionFactory(IOptions<DatabaseOptions> options)
    {
        var settings = options.Value;
        _busyTimeoutMilliseconds = settings.BusyTimeoutMilliseconds;
        _path = settings.FullPath;
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

    /// <summary>
    /// A pooled connection outlives what happened to its file: one opened while the file was read-only stays read-only
    /// after the file is writable again, and one opened before the file (or its directory) was deleted or moved on
    /// writes to a file nobody will read. So a vanished file is an error, not a new empty database, and a read-only
    /// connection is never kept in the pool: the bot fails while the database cannot be written, and works again by
    /// itself once it can.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_fileSeen && !File.Exists(_path))
        {
            using (var pooled = new SqliteConnection(_connectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }
            throw new SqliteException($"SQLite Error 14: the database file {_path} no longer exists.", SqliteCantOpen);
        }
        var connection = await OpenPooledAsync(cancellationToken);
        if (IsReadOnly(connection))
        {
            // Dropped from the pool, and opened afresh in case the file has become writable since.
            SqliteConnection.ClearPool(connection);
            await connection.DisposeAsync();
            connection = await OpenPooledAsync(cancellationToken);
            if (IsReadOnly(connection))
            {
                SqliteConnection.ClearPool(connection);
            }
        }
        _fileSeen = true;
        return connection;
    }

    private const int SqliteCantOpen = 14;

    private static bool IsReadOnly(SqliteConnection connection) =>
        SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

    private async Task<SqliteConnection> OpenPooledAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // NORMAL sync is durable across process crashes in WAL mode (set once, by the migration runner); the busy timeout
            // covers writers in other processes, such as a backup. secure_delete zeroes deleted content, so that an erased
            // person's text is not left in free space of the file, nor carried into a backup (cost: docs/benchmarks.md).
            pragma.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON; PRAGMA busy_timeout={_busyTimeoutMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
