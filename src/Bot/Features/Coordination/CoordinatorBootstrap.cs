using MentorBot.Bot.Catalog;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Coordination;

public sealed class BootstrapCoordinator
{
    public long UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>District codes this coordinator sees.</summary>
    public List<string> Districts { get; set; } = [];
    /// <summary>A regional coordinator sees every district of this region.</summary>
    public string? Region { get; set; }
}

/// <summary>The "Coordinators" section.</summary>
public sealed class CoordinatorsOptions
{
    public const string Section = "Coordinators";

    public List<BootstrapCoordinator> Bootstrap { get; set; } = [];
}

/// <summary>Creates the coordinators named in configuration, after migrations and before updates arrive.</summary>
public sealed class CoordinatorBootstrap(IServiceScopeFactory scopes, IOptions<CoordinatorsOptions> options, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Bootstrap.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var coordinators = scope.ServiceProvider.GetRequiredService<CoordinatorRepository>();
        await db.InTransactionAsync(async () =>
        {
            foreach (var coordinator in options.Value.Bootstrap)
            {
                await coordinators.UpsertAsync(
                    new CoordinatorRecord(coordinator.UserId, coordinator.Name, coordinator.Region, coordinator.Districts, "config"),
                    clock.GetUtcNow(), cancellationToken);
            }
            return true;
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
