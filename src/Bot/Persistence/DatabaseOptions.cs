namespace MentorBot.Bot.Persistence;

public enum DatabaseProvider
{
    /// <summary>One file beside the bot: the default, for one instance.</summary>
    Sqlite,

    /// <summary>A server shared by several instances behind a webhook proxy.</summary>
    PostgreSql,
}

/// <summary>The "Database" section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is resolved against the working directory.</summary>
    public string Path { get; set; } = "mentorbot.db";

    /// <summary>The PostgreSQL connection string (Npgsql's keywords), for the PostgreSql provider.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a writer waits for another writer's lock before SQLITE_BUSY.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>How long processed update ids are kept for de-duplication.</summary>
    public int ProcessedUpdateRetentionDays { get; set; } = 7;

    /// <summary>How long completed outbox rows (which keep no text) are kept: a broadcast's progress message is edited through its row.</summary>
    public int OutboxRetentionDays { get; set; } = 30;

    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>Where the database is, for an operator's message: the SQLite file, or PostgreSQL's host and database (never the password).</summary>
    public string Location
    {
        get
        {
            if (Provider != DatabaseProvider.PostgreSql)
            {
                return FullPath;
            }
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}";
        }
    }
}
