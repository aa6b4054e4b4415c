using MentorBot.Bot.Persistence;
using Microsoft.Data.Sqlite;

namespace MentorBot.Bot.Tests.Support;

/// <summary>
/// The database a test's bot runs on: a fresh SQLite file, or a fresh schema on the test PostgreSQL server.
/// MENTORBOT_TEST_DATABASE=postgres runs every bot of the suite on PostgreSQL.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public static DatabaseProvider DefaultProvider =>
        string.Equals(Environment.GetEnvironmentVariable("MENTORBOT_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Points the bot's configuration at this database.</summary>
    public abstract void Apply(IDictionary<string, string?> settings);

    public abstract ValueTask DisposeAsync();

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => new PostgresTestDatabase(await PostgresServer.Instance.CreateSchemaAsync()),
        _ => new SqliteTestDatabase(Path.Combine(Path.GetTempPath(), $"mentorbot-test-{Guid.NewGuid():N}.db")),
    };
}

public sealed class SqliteTestDatabase(string path) : TestDatabase
{
    public string Path { get; } = path;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override void Apply(IDictionary<string, string?> settings)
    {
        settings["Database:Provider"] = nameof(DatabaseProvider.Sqlite);
        settings["Database:Path"] = Path;
    }

    public override ValueTask DisposeAsync()
    {
        DeleteFiles(Path);
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes a test's SQLite file with its WAL and shared-memory files, once no pooled connection holds them.</summary>
    public static void DeleteFiles(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}

public sealed class PostgresTestDatabase(PostgresSchema schema) : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override void Apply(IDictionary<string, string?> settings)
    {
        settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSql);
        settings["Database:ConnectionString"] = schema.ConnectionString;
    }

    public override ValueTask DisposeAsync() => schema.DisposeAsync();
}
