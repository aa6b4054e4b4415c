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
        // The bot's logging, which the web app's container does not own and so never disposes.
        builder.Services.AddSingleton<ILoggerFactory>(new WebAppLoggerFactory(loggers));
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

    /// <summary>
    /// The bot's loggers, less the web app's own host: the bot's host already reports starting and stopping, and a
    /// start that fails or is cancelled reaches it as an exception, so the web app's host would only say it twice.
    /// </summary>
    private sealed class WebAppLoggerFactory(ILoggerFactory bot) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) || categoryName.StartsWith("Microsoft.Hosting", StringComparison.Ordinal)
                ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance
                : bot.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => bot.AddProvider(provider);

        public void Dispose()
        {
            // The bot's factory outlives the web app.
        }
    }
}
