using Dapper;
using MentorBot.Bot.Cli;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Tests.Cli;

public sealed class BackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorbot-backup-").FullName;

    private string InFolder(string name) => Path.Combine(_folder, name);

    /// <summary>Runs <c>backup</c> as the executable would, against the database at <paramref name="databasePath"/>.</summary>
    private static async Task<(int ExitCode, string Out, string Error)> BackupAsync(string databasePath, params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = databasePath })
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CliCommands.Find(["backup", .. args])!.RunAsync(args, new CliContext(output, error, configuration), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static SqliteConnection Open(string path) => new($"Data Source={path};Pooling=False");

    [Fact]
    public async Task A_backup_taken_while_another_connection_writes_restores_to_exactly_what_was_committed()
    {
        await using var bot = await BotHarness.StartAsync(provider: DatabaseProvider.Sqlite);
        await bot.SendTextAsync(5101, "/help");
        await using var writer = Open(bot.DatabasePath);
        await writer.OpenAsync();
        await writer.ExecuteAsync("PRAGMA busy_timeout=5000; INSERT INTO bot_state (key, value) VALUES ('committed', 'yes')");
        // Holds the write lock for the whole backup, with a change that must not reach the copy.
        await using var open = (SqliteTransaction)await writer.BeginTransactionAsync();
        await writer.ExecuteAsync("INSERT INTO bot_state (key, value) VALUES ('uncommitted', 'no')", transaction: open);

        var backup = InFolder("backup.db");
        var (exitCode, output, error) = await BackupAsync(bot.DatabasePath, "--output", backup);
        await open.CommitAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.StartsWith($"Backup of {Path.GetFullPath(bot.DatabasePath)} written to {backup} (", output, StringComparison.Ordinal);
        Assert.Equal([backup], Directory.GetFiles(_folder));

        // Restore as the README says: the copy becomes the database of a bot that starts on it.
        var restored = InFolder("restored.db");
        File.Copy(backup, restored);
        await using var again = await BotHarness.StartAsync(databasePath: restored);
        Assert.Equal(["committed"], await again.QueryAsync<string>("SELECT key FROM bot_state WHERE key LIKE '%committed' ORDER BY key"));
        Assert.Equal(1, await again.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates"));
        Assert.Equal(MigrationRunner.For(SqliteDialect.Instance)[^1].Version, await again.ScalarAsync<int>("SELECT MAX(version) FROM schema_migrations"));
        await again.SendTextAsync(5101, "/help");
        Assert.Equal(2, await again.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates"));
    }

    [Fact]
    public async Task A_backup_is_consistent_while_writers_keep_committing()
    {
        var database = InFolder("live.db");
        await using (var setup = Open(database))
        {
            await setup.ExecuteAsync("PRAGMA journal_mode=WAL; CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL, total INTEGER NOT NULL)");
        }
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            await using var writer = Open(database);
            await writer.OpenAsync();
            await writer.ExecuteAsync("PRAGMA busy_timeout=5000");
            var committed = 0;
            // Each row carries the running total, so a torn copy would show a total that does not add up.
            for (var i = 1; !stop.IsCancellationRequested || committed < 50; i++)
            {
                await writer.ExecuteAsync("INSERT INTO ledger (amount, total) VALUES (@I, COALESCE((SELECT MAX(total) FROM ledger), 0) + @I)", new { I = i });
                committed++;
            }
            return committed;
        });
        while (await CountAsync(database) < 20)
        {
            await Task.Delay(5);
        }

        var backups = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var backup = InFolder($"backup-{i}.db");
            Assert.Equal(0, (await BackupAsync(database, "-o", backup)).ExitCode);
            backups.Add(backup);
        }
        await stop.CancelAsync();
        var written = await writes;

        foreach (var backup in backups)
        {
            await using var copy = Open(backup);
            var rows = (await copy.QueryAsync<(long Amount, long Total)>("SELECT amount, total FROM ledger ORDER BY id")).ToList();
            Assert.InRange(rows.Count, 20, written);
            Assert.Equal(rows.Sum(r => r.Amount), rows[^1].Total);
            Assert.Equal("delete", await copy.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        }
    }

    [Fact]
    public async Task An_existing_file_is_replaced_only_with_force()
    {
        var database = InFolder("bot.db");
        await using (var setup = Open(database))
        {
            await setup.ExecuteAsync("CREATE TABLE t (x INTEGER)");
        }
        var backup = InFolder("backup.db");
        await File.WriteAllTextAsync(backup, "older backup");

        var refused = await BackupAsync(database, "--output", backup);
        var forced = await BackupAsync(database, "--output", backup, "--force");

        Assert.Equal((1, $"Backup failed: {backup} exists; add --force to replace it.\n"), (refused.ExitCode, refused.Error));
        Assert.Equal(0, forced.ExitCode);
        await using var copy = Open(backup);
        Assert.Equal(0, await copy.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));
    }

    [Theory]
    [InlineData(new string[0], 2, "Usage: backup --output FILE [--force]")]
    [InlineData(new[] { "--output" }, 2, "Usage: backup --output FILE [--force]")]
    [InlineData(new[] { "--out", "x.db" }, 2, "Unknown argument '--out'. Usage: backup --output FILE [--force]")]
    public async Task Wrong_arguments_are_told_in_one_line(string[] args, int exitCode, string error)
    {
        var result = await BackupAsync(InFolder("bot.db"), args);

        Assert.Equal((exitCode, error + "\n"), (result.ExitCode, result.Error.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_missing_database_or_folder_is_told_in_one_line_and_nothing_is_created()
    {
        var missing = await BackupAsync(InFolder("none.db"), "--output", InFolder("backup.db"));
        var database = InFolder("bot.db");
        await using (var setup = Open(database))
        {
            await setup.ExecuteAsync("CREATE TABLE t (x INTEGER)");
        }
        var noFolder = await BackupAsync(database, "--output", InFolder("no/such/backup.db"));
        var itself = await BackupAsync(database, "--output", database);

        Assert.Equal((1, $"Backup failed: there is no database at {InFolder("none.db")} (Database:Path).\n"), (missing.ExitCode, missing.Error));
        Assert.Equal((1, $"Backup failed: the folder {InFolder("no/such")} does not exist.\n"), (noFolder.ExitCode, noFolder.Error));
        Assert.Equal((1, "Backup failed: the output is the database itself.\n"), (itself.ExitCode, itself.Error));
        Assert.Equal([database], Directory.GetFiles(_folder));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<long> CountAsync(string database)
    {
        await using var reader = Open(database);
        return await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ledger");
    }
}
