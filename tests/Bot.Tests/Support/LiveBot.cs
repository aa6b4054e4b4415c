using MentorBot.Bot.Hosting;
using MentorBot.Bot.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Tests.Support;

/// <summary>
/// The whole bot as it runs in production (real Bot API client over HTTP, polling or webhook, the outbox sender,
/// the system clock) against a <see cref="FakeBotApi"/> on loopback.
/// </summary>
public sealed class LiveBot : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private LiveBot(IHost host, string databasePath, bool ownsDatabase)
    {
        Host = host;
        DatabasePath = databasePath;
        _ownsDatabase = ownsDatabase;
    }

    public IHost Host { get; }
    public string DatabasePath { get; }
    public IServiceProvider Services => Host.Services;

    public static async Task<LiveBot> StartAsync(
        FakeBotApi api,
        Action<IDictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        string? databasePath = null)
    {
        var ownsDatabase = databasePath is null;
        databasePath ??= Path.Combine(Path.GetTempPath(), $"mentorbot-live-{Guid.NewGuid():N}.db");
        var settings = BotHarness.BaseConfiguration(databasePath);
        settings["Telegram:BotToken"] = api.Token;
        settings["Telegram:ApiBaseUrl"] = api.BaseUrl;
        settings["Telegram:PollingTimeoutSeconds"] = "1";
        settings["Telegram:RequestTimeoutSeconds"] = "3";
        settings["Outbound:MaxBackoffSeconds"] = "1";
        configure?.Invoke(settings);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.AddMentorBot();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new LiveBot(host, databasePath, ownsDatabase);
    }

    public T Hosted<T>() where T : IHostedService => Services.GetServices<IHostedService>().OfType<T>().Single();

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (_ownsDatabase)
        {
            SqliteTestDatabase.DeleteFiles(DatabasePath);
        }
    }
}
