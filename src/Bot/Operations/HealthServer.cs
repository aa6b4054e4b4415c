using System.Data.Common;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Operations;

/// <summary>
/// /healthz, /readyz and /metrics on a local port of their own, in every mode (polling, webhook, console), so a
/// supervisor and Prometheus can reach them while the reverse proxy exposes only the webhook.
/// </summary>
public sealed class HealthServer(
    MigrationRunner migrations,
    IServiceScopeFactory scopes,
    BotMetrics metrics,
    PrometheusExporter exporter,
    IOptions<OperationsOptions> options,
    ILogger<HealthServer> logger) : LocalWebServer(logger)
{

    protected override string ListenUrl => options.Value.HealthListenUrl;

    protected override void MapEndpoints(WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", ReadyAsync);
        app.MapGet("/metrics", MetricsAsync);
    }

    /// <summary>How long a write probe's answer stands, so that a supervisor polling often does not queue writes.</summary>
    private static readonly TimeSpan WriteProbeValidity = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private (long At, string? Failure)? _lastWriteProbe;

    /// <summary>
    /// Ready when the database answers, holds every migration this build ships and takes a write: every update the bot
    /// handles writes, so a database that is read-only, locked or gone leaves it unable to answer anyone.
    /// </summary>
    private async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        int version;
        try
        {
            version = await migrations.CurrentVersionAsync(cancellationToken);
        }
        catch (DbException error)
        {
            logger.LogWarning("Readiness check could not read the database ({Reason})", error.GetType().Name);
            return Results.Text("database unreachable\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (version < migrations.LatestVersion)
        {
            return Results.Text($"migrations pending: schema {version} of {migrations.LatestVersion}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return await WriteFailureAsync(cancellationToken) is { } failure
            ? Results.Text($"database not writable: {failure}\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready\n");
    }

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
                logger.LogWarning("Readiness check could not write to the database ({Reason})", failure);
            }
            _lastWriteProbe = (Environment.TickCount64, failure);
            return failure;
        }
        finally
        {
            _probing.Release();
        }
    }

    private async Task<IResult> MetricsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            metrics.OutboundQueueDepth = await scope.ServiceProvider.GetRequiredService<OutboxRepository>().PendingCountAsync(cancellationToken);
        }
        catch (DbException error)
        {
            // The other metrics matter most exactly when the database is in trouble; the depth keeps its last sample.
            logger.LogWarning("Metrics could not count the outbox ({Reason})", error.GetType().Name);
        }
        return Results.Text(exporter.Render(), PrometheusExporter.ContentType);
    }
}
