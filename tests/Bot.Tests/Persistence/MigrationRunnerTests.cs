using Dapper;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Tests.Persistence;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mentorbot-migrations-{Guid.NewGuid():N}.db");

    private SqliteConnectionFactory Factory() => new(Options.Create(new DatabaseOptions { Path = _path }));

    [Fact]
    public async Task Every_migration_is_applied_once_and_recorded()
    {
        var runner = new MigrationRunner(Factory(), TimeProvider.System, NullLogger<MigrationRunner>.Instance);

        await runner.ApplyAsync();
        await runner.ApplyAsync();

        await using var connection = await Factory().OpenAsync();
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(runner.Embedded.Select(m => m.Version).ToList(), versions);
        Assert.True(versions.Count >= 2);
        Assert.Equal(versions[^1], await runner.CurrentVersionAsync());
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Instants_are_stored_as_unix_milliseconds_and_read_back_exactly()
    {
        DapperTypeHandlers.Register();
        await using var connection = await Factory().OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (at INTEGER NOT NULL, id TEXT NOT NULL)");
        var at = new DateTimeOffset(2026, 11, 22, 9, 30, 15, 123, TimeSpan.FromHours(3));
        var id = Guid.NewGuid();

        await connection.ExecuteAsync("INSERT INTO t (at, id) VALUES (@At, @Id)", new { At = at, Id = id });

        Assert.Equal(at.ToUnixTimeMilliseconds(), await connection.ExecuteScalarAsync<long>("SELECT at FROM t"));
        var row = await connection.QuerySingleAsync<(DateTimeOffset At, Guid Id)>("SELECT at, id FROM t");
        Assert.Equal(at, row.At);
        Assert.Equal(id, row.Id);
    }

    public void Dispose()
    {
        SqliteTestDatabase.DeleteFiles(_path);
    }
}
