using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// A small Kestrel server run as a hosted service beside the bot's generic host: the webhook, health and metrics.
/// It has its own endpoints only; the bot's services reach it through the subclass's constructor. It logs through the
/// bot's own logging, so endpoint and Kestrel failures land where everything else does.
/// </summary>
public abstract partial class LocalWebServer(ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<LocalWebServer>();
    private WebApplication? _app;

    /// <summary>The address the server actually listens on (useful when the port is 0).</summary>
    public string? ListeningUrl => _app?.Urls.FirstOrDefault();

    protected abstract string ListenUrl { get; }

    protected abstract void MapEndpoints(WebApplication app);

    /// <summary>Services of the bot's container that the endpoints need from the web app's own.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public virtual async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The bot's logger factory, which the web app's container does not own and so never disposes.
        builder.Services.AddSingleton(loggers);
        // The bot's host reports starting and stopping; the web app's own lifetime would repeat it.
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        AddServices(builder.Services);
        _app = builder.Build();
        _app.Urls.Add(ListenUrl);
        MapEndpoints(_app);
        await _app.StartAsync(cancellationToken);
        LogListening(_logger, GetType().Name, ListeningUrl);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Server} listening on {Url}")]
    private static partial void LogListening(ILogger logger, string server, string? url);
}
