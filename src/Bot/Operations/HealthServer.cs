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

    /// <summary>Ready when the database answers and holds every migration this build ships.</summary>
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
        return version >= migrations.LatestVersion
            ? Results.Text("ready\n")
            : Results.Text($"migrations pending: schema {version} of {migrations.LatestVersion}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
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
