using Dapper;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Support;

/// <summary>
/// The real bot (dispatcher, features, SQLite, outbox) with an in-memory Bot API and a fake clock. Tests talk to it
/// as people would, and assert on what each chat saw and what the database holds.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private static int _nextUpdateId = 1;
    private Action<IDictionary<string, string?>>? _configure;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase;
    private IHost _host;

    private BotHarness(IHost host, TestDatabase database, bool ownsDatabase, FakeTimeProvider clock, RecordingTelegramClient telegram,
        Action<IDictionary<string, string?>>? configure, Action<IServiceCollection>? services)
    {
        _host = host;
        Database = database;
        _ownsDatabase = ownsDatabase;
        Clock = clock;
        Telegram = telegram;
        _configure = configure;
        _services = services;
    }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file, for the tests of what only SQLite has (backups, the file itself).</summary>
    public string DatabasePath => Database is SqliteTestDatabase sqlite
        ? sqlite.Path
        : throw new InvalidOperationException("This test needs the SQLite provider.");
    public FakeTimeProvider Clock { get; }
    public RecordingTelegramClient Telegram { get; }
    public IServiceProvider Services => _host.Services;

    public static async Task<BotHarness> StartAsync(
        Action<IDictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null,
        string? databasePath = null,
        FakeTimeProvider? clock = null,
        DatabaseProvider? provider = null,
        TestDatabase? sharedDatabase = null)
    {
        // A shared database is another bot's, as for two instances behind one proxy; its owner disposes it.
        var database = sharedDatabase
            ?? (databasePath is null ? await TestDatabase.CreateAsync(provider ?? TestDatabase.DefaultProvider) : new SqliteTestDatabase(databasePath));
        clock ??= TestClock.Create();
        var telegram = new RecordingTelegramClient();
        var host = await BuildAndStartAsync(database, clock, telegram, configure, services);
        return new BotHarness(host, database, sharedDatabase is null, clock, telegram, configure, services);
    }

    /// <summary>Stops the bot (its hosted services: receiver, sender, lease) and keeps its database.</summary>
    public Task StopAsync() => _host.StopAsync();

    /// <summary>Stops the bot and starts it again on the same database, as after a deploy or a crash.</summary>
    public async Task RestartAsync(Action<IDictionary<string, string?>>? reconfigure = null)
    {
        if (reconfigure is not null)
        {
            var previous = _configure;
            _configure = settings =>
            {
                previous?.Invoke(settings);
                reconfigure(settings);
            };
        }
        await _host.StopAsync();
        _host.Dispose();
        _host = await BuildAndStartAsync(Database, Clock, Telegram, _configure, _services);
    }

    public static Dictionary<string, string?> BaseConfiguration(string? databasePath = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456:test-token",
            ["Telegram:Mode"] = "Polling",
            ["Outbound:GlobalMessagesPerSecond"] = "100000",
            ["Outbound:PerChatMessagesPerSecond"] = "0",
            ["Outbound:IdlePollMilliseconds"] = "20",
            ["Outbound:MaxParallelSends"] = "4",
            // Bots run side by side in the tests; the health server's fixed port is for the one in production.
            ["Operations:HealthListenUrl"] = "",
        };
        if (databasePath is not null)
        {
            settings["Database:Path"] = databasePath;
        }
        return settings;
    }

    private static async Task<IHost> BuildAndStartAsync(
        TestDatabase database, FakeTimeProvider clock, RecordingTelegramClient telegram,
        Action<IDictionary<string, string?>>? configure, Action<IServiceCollection>? services)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        // The repository's own appsettings.json gives the real taxonomy and districts; tests override the rest.
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        var settings = BaseConfiguration();
        database.Apply(settings);
        configure?.Invoke(settings);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("MENTORBOT_TEST_LOGS") == "1")
        {
            builder.Logging.AddConsole();
        }
        builder.AddMentorBot();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IBotApi>(telegram);
        RemoveHostedService<PollingReceiver>(builder.Services);
        // Tests sweep reminders by hand after moving the fake clock, rather than on Quartz's real-time triggers.
        RemoveHostedService<Quartz.QuartzHostedService>(builder.Services);
        // Nothing starts the scheduler here, so readiness leaves it out.
        builder.Services.Configure<HealthCheckServiceOptions>(health =>
            health.Registrations.Where(check => check.Name.StartsWith("quartz", StringComparison.Ordinal)).ToList().ForEach(check => health.Registrations.Remove(check)));
        services?.Invoke(builder.Services);
        // A missing registration fails the test at start-up, not deep inside a handler.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static void RemoveHostedService<T>(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(T)).ToList())
        {
            services.Remove(descriptor);
        }
    }

    public static int NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    /// <summary>Feeds the update through the real pipeline, then waits until its answers are delivered.</summary>
    public async Task HandleAsync(Update update)
    {
        await Services.GetRequiredService<UpdateBatchHandler>().HandleOneAsync(update, CancellationToken.None);
        await DeliveredAsync();
    }

    public Task SendTextAsync(long userId, string text, string firstName = "Тест", string? username = null) =>
        HandleAsync(Updates.Text(userId, text, firstName, username));

    /// <summary>Presses the button whose label contains <paramref name="label"/> under the latest message that still has one.</summary>
    public async Task PressAsync(long userId, string label)
    {
        var message = Telegram.In(userId)
            .LastOrDefault(m => Telegram.ButtonsOf(userId, m.MessageId).Any(b => b.Text.Contains(label, StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"No button '{label}' in chat {userId}. Last message: {LastText(userId)}");
        var button = Telegram.ButtonsOf(userId, message.MessageId).First(b => b.Text.Contains(label, StringComparison.Ordinal));
        await HandleAsync(Updates.Callback(userId, button.CallbackData!, message.MessageId));
    }

    public Task PressDataAsync(long userId, string data, int messageId = 1) => HandleAsync(Updates.Callback(userId, data, messageId));

    public string LastText(long chatId) => Telegram.In(chatId).LastOrDefault()?.Text ?? "";

    public IReadOnlyList<string> TextsIn(long chatId) => Telegram.In(chatId).Select(m => m.Text).ToList();

    /// <summary>Waits until button presses are answered and the outbox is empty; fails the test if it never empties.</summary>
    public async Task DeliveredAsync()
    {
        await Services.GetRequiredService<CallbackAnswers>().WhenIdleAsync();
        // Ample for a suite that runs many bots at once on two cores; a row that never goes out still fails the test.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<OutboxRepository>().PendingCountAsync() == 0)
            {
                return;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("The outbox did not drain.");
    }

    /// <summary>Reads the bot's database directly, in the SQL the repositories write (translated for PostgreSQL).</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        var connections = Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync();
        return (await connection.QueryAsync<T>(connections.Dialect.Translate(sql), parameters)).AsList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        var connections = Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(connections.Dialect.Translate(sql), parameters))!;
    }

    /// <summary>The bot's own tables, whichever the database.</summary>
    public Task<IReadOnlyList<string>> TablesAsync() => QueryAsync<string>(Database.Provider == DatabaseProvider.PostgreSql
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

    /// <summary>A table's columns; with <paramref name="textOnly"/>, those that hold text.</summary>
    public Task<IReadOnlyList<string>> ColumnsAsync(string table, bool textOnly = false) => QueryAsync<string>(
        Database.Provider == DatabaseProvider.PostgreSql
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @Table AND (@TextOnly = 0 OR data_type = 'text') ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info(@Table) WHERE @TextOnly = 0 OR type = 'TEXT' ORDER BY cid",
        new { Table = table, TextOnly = textOnly });

    /// <summary>Runs work in a DI scope of the bot, e.g. to seed data through repositories in one transaction.</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.BeginAsync();
        await work(scope.ServiceProvider);
        await db.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

/// <summary>Builds the updates a Telegram client would send.</summary>
public static class Updates
{
    public static Update Text(long userId, string text, string firstName = "Тест", string? username = null) => new()
    {
        Id = BotHarness.NextUpdateId(),
        Message = new Message
        {
            Id = (int)(BotHarness.NextUpdateId() % int.MaxValue),
            From = new User { Id = userId, FirstName = firstName, Username = username },
            Chat = new Chat { Id = userId, Type = ChatType.Private },
            Date = DateTime.UnixEpoch.AddSeconds(1_700_000_000),
            Text = text,
        },
    };

    public static Update Sticker(long userId) => new()
    {
        Id = BotHarness.NextUpdateId(),
        Message = new Message
        {
            Id = 1,
            From = new User { Id = userId, FirstName = "Тест" },
            Chat = new Chat { Id = userId, Type = ChatType.Private },
            Sticker = new Sticker { FileId = "sticker", Emoji = "😀" },
        },
    };

    /// <summary>A file sent as a document; <paramref name="fileSize"/> is what Telegram states, when it does.</summary>
    public static Update Document(long userId, string fileId, string? fileName, long? fileSize = null) => new()
    {
        Id = BotHarness.NextUpdateId(),
        Message = new Message
        {
            Id = (int)(BotHarness.NextUpdateId() % int.MaxValue),
            From = new User { Id = userId, FirstName = "Тест" },
            Chat = new Chat { Id = userId, Type = ChatType.Private },
            Date = DateTime.UnixEpoch.AddSeconds(1_700_000_000),
            Document = new Document { FileId = fileId, FileName = fileName, FileSize = fileSize },
        },
    };

    public static Update Callback(long userId, string data, int messageId) => new()
    {
        Id = BotHarness.NextUpdateId(),
        CallbackQuery = new CallbackQuery
        {
            Id = Guid.NewGuid().ToString("N"),
            From = new User { Id = userId, FirstName = "Тест" },
            Data = data,
            Message = new Message
            {
                Id = messageId,
                Chat = new Chat { Id = userId, Type = ChatType.Private },
                ReplyMarkup = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("x", data)]]),
            },
        },
    };
}
