using System.Data.Common;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Operations;

/// <summary>
/// Healthy when the database answers, holds every migration this build ships and takes a write: every update the bot
/// handles writes, so a database that is read-only, locked or gone leaves it unable to answer anyone.
/// </summary>
public sealed partial class DatabaseHealthCheck(MigrationRunner migrations, ILogger<DatabaseHealthCheck> logger) : IHealthCheck, IDisposable
{
    /// <summary>How long a write probe's answer stands, so that a supervisor polling often does not queue writes.</summary>
    private static readonly TimeSpan WriteProbeValidity = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private (long At, string? Failure)? _lastWriteProbe;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int version;
        try
        {
            version = await migrations.CurrentVersionAsync(cancellationToken);
        }
        catch (DbException error)
        {
            LogUnreadable(error.GetType().Name);
            return HealthCheckResult.Unhealthy("database unreachable");
        }
        if (version < migrations.LatestVersion)
        {
            return HealthCheckResult.Unhealthy($"migrations pending: schema {version} of {migrations.LatestVersion}");
        }
        return await WriteFailureAsync(cancellationToken) is { } failure
            ? HealthCheckResult.Unhealthy($"database not writable: {failure}")
            : HealthCheckResult.Healthy("database ready");
    }

    public void Dispose() => _probing.Dispose();

    /// <summary>Why the database refuses a write (a rolled-back one), or null; asked at most once per <see cref="WriteProbeValidity"/>.</summary>
    private async Task<string?> WriteFailureAsync(CancellationToken cancellationToken)
    {
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_lastWriteProbe is { } last && Environment.TickCount64 - last.At < WriteProbeValidity.TotalMilliseconds)
            {
                return last.Failure;
            }
            string? failure = null;
            try
            {
                await migrations.ProbeWriteAsync(cancellationToken);
            }
            catch (DbException error)
            {
                failure = error is Microsoft.Data.Sqlite.SqliteException sqlite ? $"SQLite error {sqlite.SqliteErrorCode}" : error.GetType().Name;
                LogUnwritable(failure);
            }
            _lastWriteProbe = (Environment.TickCount64, failure);
            return failure;
        }
        finally
        {
            _probing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check could not read the database ({Reason})")]
    private partial void LogUnreadable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check could not write to the database ({Reason})")]
    private partial void LogUnwritable(string reason);
}
