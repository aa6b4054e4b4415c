using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MentorBot.Bot.Persistence;

/// <summary>
/// Whether this instance runs the background work that must run once however many instances share the database:
/// the scheduled jobs and the outbox sender (one sender keeps one rate limit). Every instance handles updates.
/// </summary>
public interface IPrimaryInstance
{
    bool IsPrimary { get; }
}

/// <summary>SQLite serves one instance, which is always the primary.</summary>
public sealed class SoleInstance : IPrimaryInstance
{
    public bool IsPrimary => true;
}

/// <summary>
/// Several instances on one PostgreSQL: the primary is whichever holds a session-level advisory lock, on a connection
/// kept open for it. If that instance dies or loses the server, the lock goes with its session and another takes it
/// at its next try. The key is the schema's, so deployments sharing a database in separate schemas do not collide.
/// </summary>
public sealed class PostgresPrimaryInstance(
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<PostgresPrimaryInstance> logger) : IHostedService, IPrimaryInstance, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _session;
    private Task? _loop;
    private volatile bool _isPrimary;

    public bool IsPrimary => _isPrimary;

    /// <summary>How often a standby tries the lock, and the primary checks that its session still holds it.</summary>
    public static TimeSpan CheckInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The first try is made before the jobs and the sender start, so a lone instance is primary from the start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        // Closing the session frees the lock at once, so a standby takes over at its next check.
        await CloseSessionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseSessionAsync();
        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(CheckInterval, clock, stoppingToken);
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_session is null)
            {
                // Its own unpooled connection: the lock lives exactly as long as this session.
                _session = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false }.ToString());
                await _session.OpenAsync(cancellationToken);
            }
            // 19778 ("MB") is the bot's class of locks; one per schema.
            await using var command = new NpgsqlCommand(
                _isPrimary ? "SELECT TRUE" : "SELECT pg_try_advisory_lock(19778, hashtext(current_schema()))", _session);
            Become((bool)(await command.ExecuteScalarAsync(cancellationToken))!);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or IOException)
        {
            // The session, and with it any lock, is gone: stand by and start a new one at the next check.
            logger.LeaseCheckFailed(error.GetType().Name);
            await CloseSessionAsync();
        }
    }

    private async Task CloseSessionAsync()
    {
        Become(false);
        if (_session is not null)
        {
            await _session.DisposeAsync();
            _session = null;
        }
    }

    private void Become(bool primary)
    {
        if (primary != _isPrimary)
        {
            _isPrimary = primary;
            logger.PrimaryChanged(primary ? "now" : "no longer");
        }
    }
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class PrimaryInstanceLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Primary lease check failed: {Reason}")]
    public static partial void LeaseCheckFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance is {Change} the primary")]
    public static partial void PrimaryChanged(this ILogger logger, string change);
}
