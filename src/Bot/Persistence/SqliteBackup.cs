using Dapper;
using Microsoft.Data.Sqlite;

namespace MentorBot.Bot.Persistence;

/// <summary>Copies a live database with SQLite's online backup API; the bot may keep reading and writing meanwhile.</summary>
public static class SqliteBackup
{
    /// <summary>
    /// Writes a consistent copy of <paramref name="source"/> to <paramref name="destination"/> (a new file) and returns
    /// the copy's schema version. Only what was committed when the copy began is in it.
    /// </summary>
    public static async Task<int> CopyAsync(string source, string destination, int busyTimeoutMilliseconds, CancellationToken cancellationToken = default)
    {
        // No pooling: the files must be closed when this returns, so the copy can be moved into place.
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        await from.OpenAsync(cancellationToken);
        await to.OpenAsync(cancellationToken);
        await from.ExecuteAsync($"PRAGMA busy_timeout={busyTimeoutMilliseconds}");

        // One step copies every page inside one read transaction: in WAL mode that is a snapshot, and writers go on.
        from.BackupDatabase(to);

        // A backup is one self-contained file: rollback journal rather than WAL, checked before anyone relies on it.
        await to.ExecuteAsync("PRAGMA journal_mode=DELETE");
        var check = await to.ExecuteScalarAsync<string>("PRAGMA quick_check");
        if (check != "ok")
        {
            throw new InvalidDataException($"the copy failed its integrity check: {check}");
        }
        var hasSchema = await to.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        return hasSchema == 0 ? 0 : await to.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    }
}
