using System.Globalization;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Jobs;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Bench;

/// <summary>
/// The whole bot on a given SQLite file, with a no-op Bot API, no receiver and no scheduled jobs: the bench hands it
/// updates and runs the jobs' work itself, so nothing in the background competes with what is being timed except the
/// outbox sender, as in production.
/// </summary>
public static class BenchHost
{
    public static IHost Build(string databasePath, BenchWorld world, int concurrency, WarningCounter warnings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "1:bench",
            ["Database:Path"] = databasePath,
            ["Operations:HealthListenUrl"] = "",
            ["Outbound:GlobalMessagesPerSecond"] = "1000000",
            ["Outbound:PerChatMessagesPerSecond"] = "0",
            ["Telegram:MaxConcurrentChats"] = concurrency.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in DistrictSettings(world))
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(warnings);
        builder.AddMentorBot();
        builder.Services.AddSingleton<IBotApi, NullTelegramClient>();
        // Late morning in Moscow, whatever the hour here, so reminders are not held back by quiet hours in most zones.
        builder.Services.AddSingleton<TimeProvider>(new ShiftedClock());
        foreach (var background in builder.Services
                     .Where(d => d.ImplementationType == typeof(PollingReceiver) || d.ImplementationType == typeof(Quartz.QuartzHostedService)).ToList())
        {
            builder.Services.Remove(background);
        }
        return builder.Build();
    }

    /// <summary>The world's districts as configuration keys, for a bot in this process or in one of its own.</summary>
    public static Dictionary<string, string> DistrictSettings(BenchWorld world)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < world.Districts.Count; i++)
        {
            var district = world.Districts[i];
            settings[$"Catalog:Districts:{i}:Code"] = district.Code;
            settings[$"Catalog:Districts:{i}:Name"] = district.Name;
            settings[$"Catalog:Districts:{i}:Region"] = district.Region;
            settings[$"Catalog:Districts:{i}:TimeZone"] = district.TimeZone;
        }
        return settings;
    }
}

/// <summary>The real clock, moved so that it is 11:00 in Moscow today; durations are untouched.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private readonly TimeSpan _offset;

    public ShiftedClock()
    {
        var now = DateTimeOffset.UtcNow;
        var moscowElevenUtc = new DateTimeOffset(now.Year, now.Month, now.Day, 8, 0, 0, TimeSpan.Zero);
        _offset = moscowElevenUtc - now;
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}

/// <summary>Counts warnings and errors the bot logs during a run (a failed handler would otherwise go unnoticed).</summary>
public sealed class WarningCounter : ILoggerProvider, ILogger
{
    private int _count;
    private string? _first;

    public int Count => _count;
    public string? First => _first;

    public ILogger CreateLogger(string categoryName) => this;
    public void Dispose() { }
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _first, $"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}", null);
    }
}
