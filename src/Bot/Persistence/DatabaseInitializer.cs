using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Persistence;

/// <summary>Brings the schema up to date before anything else starts; registered first among hosted services.</summary>
public sealed class DatabaseInitializer(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
