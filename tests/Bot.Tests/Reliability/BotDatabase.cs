using Dapper;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// The SQLite file of a bot that runs in another process: seeded beforehand with the app's own repositories, read
/// while the bot runs (WAL lets a reader in beside the writer), and deleted with its -wal and -shm at the end.
/// </summary>
public sealed class BotDatabase : IDisposable
{
    private BotDatabase(string path) => Path = path;

    public string Path { get; }

    /// <summary>A path in a directory of its own, which the bot process also uses as its working directory.</summary>
    public static BotDatabase Create()
    {
        var directory = Directory.CreateTempSubdirectory("mentorbot-reliability-");
        return new BotDatabase(System.IO.Path.Combine(directory.FullName, "mentorbot.db"));
    }

    /// <summary>
    /// Migrates and seeds the database through an in-process bot whose clock reads the real time, then copies it here
    /// (the process that will run on it must find a database nobody else has open).
    /// </summary>
    public static async Task<BotDatabase> SeedAsync(Func<BotHarness, Task> seed)
    {
        var database = Create();
        // The crash tests copy, damage and reopen the SQLite file itself.
        await using var harness = await BotHarness.StartAsync(clock: new FakeTimeProvider(DateTimeOffset.UtcNow), provider: DatabaseProvider.Sqlite);
        await seed(harness);
        await harness.ScalarAsync<long>("VACUUM INTO @Path", new { database.Path });
        return database;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>Waits up to a minute until no outbox row is pending; the caller then asserts on what was sent.</summary>
    public async Task WaitUntilOutboxSentAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Whether the update's effects are committed. Confirmed to Telegram is not enough: polling confirms a batch once it is saved.</summary>
    public async Task<bool> IsHandledAsync(long updateId) =>
        await ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates WHERE update_id = @UpdateId", new { UpdateId = updateId }) == 1;

    /// <summary>Waits up to <paramref name="patience"/> (a minute unless given) until every one of the updates is handled.</summary>
    public async Task WaitUntilHandledAsync(IEnumerable<long> updateIds, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        var waiting = updateIds.ToList();
        while (waiting.Count > 0)
        {
            if (await IsHandledAsync(waiting[0]))
            {
                waiting.RemoveAt(0);
                continue;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Update {waiting[0]} and {waiting.Count - 1} more were not handled in time.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A connection of the test's own: not pooled, so nothing of it stays open once disposed.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
    }
}
