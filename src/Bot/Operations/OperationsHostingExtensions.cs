using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Operations;

public static class OperationsHostingExtensions
{
    /// <summary>Metrics and health checks always (the code records them); the health server only when it has an address.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OperationsOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<OperationsOptions>, OperationsOptionsRules>();
        builder.Services.AddOptions<OperationsOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthServer.ReadinessTag]);
        // One instance, so that the write probe's cached answer carries from one probe to the next.
        builder.Services.AddSingleton<DatabaseHealthCheck>();
        if (!string.IsNullOrWhiteSpace((section.Get<OperationsOptions>() ?? new OperationsOptions()).HealthListenUrl))
        {
            builder.Services.AddSingleton<PrometheusExporter>();
            builder.Services.AddHostedService<HealthServer>();
        }
        return builder;
    }
}
