using MentorBot.Bot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Cli;

/// <summary>
/// <c>backup --output FILE [--force]</c>: a consistent copy of the database named by Database:Path, taken while the
/// bot runs. The copy is written beside the output and moved into place, so FILE is never a half-written backup.
/// </summary>
public sealed class BackupCommand : ICliCommand
{
    private const string Usage = "Usage: backup --output FILE [--force]";

    public string Name => "backup";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        string? output = null;
        var force = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--output" or "-o":
                    output = i + 1 < args.Count ? args[++i] : null;
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    await context.Error.WriteLineAsync($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }

        var database = context.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var source = database.FullPath;
        var target = Path.GetFullPath(output);
        var problem = database.Provider == DatabaseProvider.PostgreSql ? "the database is PostgreSQL; back it up with pg_dump (docs/operations.md)."
            : !File.Exists(source) ? $"there is no database at {source} (Database:Path)."
            : string.Equals(source, target, StringComparison.Ordinal) ? "the output is the database itself."
            : File.Exists(target) && !force ? $"{target} exists; add --force to replace it."
            : !Directory.Exists(Path.GetDirectoryName(target)) ? $"the folder {Path.GetDirectoryName(target)} does not exist."
            : null;
        if (problem is not null)
        {
            await context.Error.WriteLineAsync("Backup failed: " + problem);
            return 1;
        }

        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            var version = await SqliteBackup.CopyAsync(source, partial, database.BusyTimeoutMilliseconds, cancellationToken);
            File.Move(partial, target, overwrite: force);
            await context.Out.WriteLineAsync($"Backup of {source} written to {target} ({new FileInfo(target).Length} bytes, schema version {version}).");
            return 0;
        }
        catch (Exception error) when (error is SqliteException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync("Backup failed: " + error.Message);
            return 1;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
