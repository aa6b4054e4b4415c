using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// A small Kestrel server run as a hosted service beside the bot's generic host: the webhook, health and metrics.
/// It has its own endpoints only; the bot's services reach it through the subclass's constructor.
/// </summary>
public abstract class LocalWebServer(ILogger logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address the server actually listens on (useful when the port is 0).</summary>
    public string? ListeningUrl => _app?.Urls.FirstOrDefault();

    protected abstract string ListenUrl { get; }

    protected abstract void MapEndpoints(WebApplication app);

    public virtual async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add(ListenUrl);
        MapEndpoints(_app);
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("{Server} listening on {Url}", GetType().Name, ListeningUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
