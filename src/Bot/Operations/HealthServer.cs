using System.Data.Common;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Operations;

/// <summary>
/// /healthz, /readyz and /metrics on a local port of their own, in every mode (polling, webhook, console), so a
/// supervisor and Prometheus can reach them while the reverse proxy exposes only the webhook. Readiness runs the
/// health checks tagged <see cref="ReadinessTag"/>: the database and the scheduler.
/// </summary>
public sealed partial class HealthServer(
    HealthCheckService checks,
    IServiceScopeFactory scopes,
    BotMetrics metrics,
    PrometheusExporter exporter,
    IOptions<OperationsOptions> options,
    ILoggerFactory loggers) : LocalWebServer(loggers)
{
    public const string ReadinessTag = "ready";

    private readonly ILogger _logger = loggers.CreateLogger<HealthServer>();

    protected override string ListenUrl => options.Value.HealthListenUrl;

    protected override void AddServices(IServiceCollection services) => services.AddSingleton(checks);

    protected override void MapEndpoints(WebApplication app)
    {
        // Liveness runs no check: a process that answers is alive, and restarting it would not mend the database.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (http, _) => http.Response.WriteAsync("ok\n") });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag), ResponseWriter = WriteReadinessAsync });
        app.MapGet("/metrics", MetricsAsync);
    }

    /// <summary>"ready", or the first failing check's reason, so an operator reading the probe sees what to fix.</summary>
    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        var failure = report.Entries.Values.FirstOrDefault(entry => entry.Status == HealthStatus.Unhealthy);
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(report.Status == HealthStatus.Unhealthy ? (failure.Description ?? "unhealthy") + "\n" : "ready\n");
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
            LogQueueUncounted(error.GetType().Name);
        }
        return Results.Text(exporter.Render(), PrometheusExporter.ContentType);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics could not count the outbox ({Reason})")]
    private partial void LogQueueUncounted(string reason);
}
