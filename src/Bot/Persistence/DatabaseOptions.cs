namespace MentorBot.Bot.Persistence;

/// <summary>The "Database" section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file; a relative path is resolved against the working directory.</summary>
    public string Path { get; set; } = "mentorbot.db";

    /// <summary>How long a writer waits for another writer's lock before SQLITE_BUSY.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>How long processed update ids are kept for de-duplication.</summary>
    public int ProcessedUpdateRetentionDays { get; set; } = 7;

    public string FullPath => System.IO.Path.GetFullPath(Path);
}
