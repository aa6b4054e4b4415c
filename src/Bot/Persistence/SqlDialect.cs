using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;

namespace MentorBot.Bot.Persistence;

/// <summary>
/// What differs between the databases the bot runs on. Repositories write one SQL text, in the common subset of SQLite
/// and PostgreSQL; a dialect translates the little that cannot be common and says which errors are worth a retry.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The folder of embedded migrations written for this database.</summary>
    public abstract string MigrationsResourcePrefix { get; }

    /// <summary>Isolation of the bot's transactions: serial in effect on both, as the features were written for.</summary>
    public abstract IsolationLevel TransactionIsolation { get; }

    /// <summary>Run on the migration connection before any migration: the journal mode, or a lock between instances.</summary>
    public abstract string BeforeMigrationsSql { get; }

    public virtual string? AfterMigrationsSql => null;

    /// <summary>
    /// Run after an erasure commits, outside any transaction, so that no copy of erased rows stays in a side file;
    /// null where the database keeps none that it can drop on demand.
    /// </summary>
    public virtual string? AfterErasureSql => null;

    /// <summary>A write that leaves nothing behind, to learn at start whether the database takes writes; null to skip.</summary>
    public virtual string? WriteProbeSql => null;

    public abstract string MigrationsTableExistsSql { get; }

    /// <summary>A conflict with another writer that left nothing committed, so that the same work can simply run again.</summary>
    public abstract bool IsTransient(DbException error);

    /// <summary>The database cannot be reached, opened or written (rather than a statement being wrong).</summary>
    public abstract bool IsUnavailable(DbException error);

    public virtual string Translate(string sql) => sql;
}

public sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string MigrationsResourcePrefix => "migrations/sqlite/";

    // Microsoft.Data.Sqlite begins IMMEDIATE (one writer at a time), whatever the level asked for.
    public override IsolationLevel TransactionIsolation => IsolationLevel.Serializable;

    // WAL lets readers run beside the single writer; the mode is stored in the file, so once is enough.
    public override string BeforeMigrationsSql => "PRAGMA journal_mode=WAL";

    // Every connection zeroes what it deletes (secure_delete, set by the connection factory), but the WAL still holds
    // the frames written before, and the main file the pages they replace: a checkpoint writes the zeroed pages home
    // and TRUNCATE empties the WAL.
    public override string AfterErasureSql => "PRAGMA wal_checkpoint(TRUNCATE)";

    // A file the bot's user may read but not write opens read-only without an error; only a write tells.
    public override string WriteProbeSql => "BEGIN IMMEDIATE; CREATE TABLE write_probe (x INTEGER); ROLLBACK";

    public override string MigrationsTableExistsSql =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

    public override bool IsTransient(DbException error) =>
        error is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    // SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_NOTADB.
    public override bool IsUnavailable(DbException error) =>
        error is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 or 10 or 14 or 26 };
}

public sealed partial class PostgresDialect : SqlDialect
{
    private readonly ConcurrentDictionary<string, string> _translated = new(StringComparer.Ordinal);

    public static PostgresDialect Instance { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    public override string MigrationsResourcePrefix => "migrations/postgres/";

    // Read-check-write handlers (capacity, one pending request) stay correct across instances; a conflict is retried.
    public override IsolationLevel TransactionIsolation => IsolationLevel.Serializable;

    // Instances starting together migrate one after the other; 19778 ("MB") is the bot's class of locks.
    public override string BeforeMigrationsSql => "SELECT pg_advisory_lock(19778, hashtext(current_schema() || ':migrations'))";

    public override string AfterMigrationsSql => "SELECT pg_advisory_unlock(19778, hashtext(current_schema() || ':migrations'))";

    public override string MigrationsTableExistsSql =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'";

    // No connection at all, or the server refused: a read-only transaction, a wrong password, no such database, no rights.
    public override bool IsUnavailable(DbException error) =>
        error is Npgsql.NpgsqlException and not Npgsql.PostgresException
        || error is Npgsql.PostgresException { SqlState: "25006" or "28P01" or "28000" or "3D000" or "42501" or "57P03" };

    public override bool IsTransient(DbException error) =>
        error is Npgsql.PostgresException { SqlState: "40001" or "40P01" } // serialization failure, deadlock
        || (error is Npgsql.NpgsqlException { IsTransient: true } && error is not Npgsql.PostgresException);

    /// <summary>
    /// Dapper expands <c>IN @List</c> for SQLite but hands PostgreSQL one array parameter, which it takes as
    /// <c>= ANY(@List)</c>.
    /// </summary>
    public override string Translate(string sql) =>
        _translated.GetOrAdd(sql, static text => NotInList().Replace(InList().Replace(text, "= ANY(@$1)"), "<> ALL(@$1)"));

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InList();

    [GeneratedRegex(@"\bNOT\s+= ANY\(@(\w+)\)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NotInList();
}
