using System.Diagnostics;
using Dapper;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Tests.Hosting;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"mentorbot-config-{Guid.NewGuid():N}.db");

    /// <summary>The repository's appsettings.json with <paramref name="overrides"/> on top, as the bot would read them.</summary>
    private static IConfiguration Configuration(IDictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(overrides)
            .Build();

    /// <summary>The problems with the settings overridden in order, a later value of a key winning.</summary>
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] overrides) =>
        Problems(builder => builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).AddInMemoryCollection(Settings(overrides)));

    /// <summary>
    /// Every problem the bot's options validation reports at start (each options class's rules, as ValidateOnStart
    /// runs them), without the "Configuration error: " every line starts with.
    /// </summary>
    private static IReadOnlyList<string> Problems(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        configure(builder);
        builder.Logging.ClearProviders();
        try
        {
            builder.AddMentorBot();
        }
        catch (ConfigurationException error)
        {
            return [error.Message["Configuration error: ".Length..]];
        }
        using var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            return [];
        }
        catch (Exception error)
        {
            var problems = ConfigurationValidation.Problems(error).Distinct().ToList();
            Assert.True(problems.Count > 0, error.ToString());
            return problems;
        }
    }

    private static Dictionary<string, string?> Settings(IEnumerable<(string Key, string Value)> overrides)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static (string, string)[] Webhook(string secret = "s3cret_token-ok") =>
    [
        ("Telegram:BotToken", "123456:ABCdef_-"), ("Telegram:Mode", "Webhook"),
        ("Telegram:WebhookUrl", "https://bot.example.org/telegram/webhook"), ("Telegram:WebhookSecret", secret),
    ];

    [Fact]
    public void The_repository_settings_and_a_complete_webhook_setup_are_valid()
    {
        Assert.Empty(Problems());
        Assert.Empty(Problems(Webhook()));
        Assert.Empty(Problems([.. Webhook(), ("Telegram:WebhookListenUrl", "http://0.0.0.0:8080"), ("Operations:HealthListenUrl", "")]));
    }

    [Theory]
    [InlineData("Telegram:WebhookUrl", "", "Telegram:WebhookUrl is required when Telegram:Mode is Webhook.")]
    [InlineData("Telegram:WebhookUrl", "http://bot.example.org/hook", "Telegram:WebhookUrl must be an absolute https:// URL: Telegram posts updates only over HTTPS.")]
    [InlineData("Telegram:WebhookSecret", "", "Telegram:WebhookSecret is required when Telegram:Mode is Webhook.")]
    [InlineData("Telegram:WebhookSecret", "has space", "Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret tokens).")]
    [InlineData("Telegram:BotToken", "", "Telegram:BotToken is required when Telegram:Mode is Webhook.")]
    [InlineData("Telegram:WebhookPath", "telegram/webhook", "Telegram:WebhookPath must start with /.")]
    [InlineData("Operations:HealthListenUrl", "http://127.0.0.1:8080", "Operations:HealthListenUrl must differ from Telegram:WebhookListenUrl: the proxy must reach the webhook, never the health port.")]
    public void A_webhook_setup_needs_its_url_secret_and_token(string key, string value, string problem)
    {
        Assert.Equal([problem], Problems([.. Webhook(), (key, value)]));
    }

    [Fact]
    public void A_secret_longer_than_256_characters_is_refused_without_being_repeated()
    {
        var secret = new string('a', 257);

        var problem = Assert.Single(Problems(Webhook(secret)));

        Assert.StartsWith("Telegram:WebhookSecret must be", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, problem, StringComparison.Ordinal);
        Assert.Empty(Problems(Webhook(new string('a', 256))));
    }

    [Theory]
    [InlineData("Telegram:Mode", "Hook", "Telegram:Mode must be Polling or Webhook, not 'Hook'.")]
    [InlineData("Telegram:BotToken", " 123456:abc", "Telegram:BotToken does not look like a token from @BotFather: digits, a colon, then letters, digits, _ and - (no spaces or quotes).")]
    [InlineData("Telegram:MaxConcurrentChats", "0", "Telegram:MaxConcurrentChats must be at least 1.")]
    [InlineData("Telegram:ApiBaseUrl", "http://127.0.0.1:8081/bot-api", "Telegram:ApiBaseUrl must be a server address without a path, such as http://127.0.0.1:8081.")]
    [InlineData("Database:Path", "", "Database:Path is required: the SQLite file of the bot.")]
    [InlineData("Outbound:GlobalMessagesPerSecond", "0", "Outbound:GlobalMessagesPerSecond must be greater than 0.")]
    [InlineData("Outbound:PerChatMessagesPerSecond", "-1", "Outbound:PerChatMessagesPerSecond must not be negative (0 turns the per-chat limit off).")]
    [InlineData("Outbound:MaxParallelSends", "0", "Outbound:MaxParallelSends must be at least 1.")]
    [InlineData("Outbound:MaxMessageLength", "5000", "Outbound:MaxMessageLength must be between 1 and 4096, Telegram's limit.")]
    [InlineData("Operations:HealthListenUrl", "8081", "Operations:HealthListenUrl must be an absolute http:// URL, such as http://127.0.0.1:8081, or empty to turn it off.")]
    [InlineData("Catalog:Districts:1:TimeZone", "Europe/Moskow", "Catalog:Districts:1:TimeZone 'Europe/Moskow' is not a known IANA time zone, such as Europe/Moscow.")]
    [InlineData("Catalog:Districts:1:Code", "dinskoy", "Catalog:Districts has the code 'dinskoy' twice.")]
    [InlineData("Catalog:Taxonomy:3:Code", "quality", "Catalog:Taxonomy has the code 'quality' twice.")]
    [InlineData("Catalog:Taxonomy:0:Code", "a b", "Catalog:Taxonomy:0:Code must be 1 to 32 characters of a-z, A-Z, 0-9, _ and -.")]
    [InlineData("Catalog:Taxonomy:2:Label", "", "Catalog:Taxonomy:2:Label is empty.")]
    [InlineData("Coordinators:Bootstrap:0:UserId", "42", "Coordinators:Bootstrap:0 needs Districts or a Region to oversee.")]
    [InlineData("Reminders:SweepBatchSize", "0", "Reminders:SweepBatchSize must be positive.")]
    [InlineData("Networking:MaxPendingIntroductions", "0", "Networking:MaxPendingIntroductions must be at least 1.")]
    [InlineData("Announcements:BatchSize", "0", "Announcements:BatchSize must be positive.")]
    [InlineData("Schools:MaxRows", "0", "Schools:MaxRows must be at least 1.")]
    [InlineData("Outbound:MaxAttempts", "many", "Failed to convert configuration value 'many' at 'Outbound:MaxAttempts' to type 'System.Int32'.")]
    public void A_wrong_setting_is_named_in_one_sentence(string key, string value, string problem)
    {
        // With a token, as on a server: the console chat (no token) sends without the per-chat limit, whatever it says.
        Assert.Equal([problem], Problems(("Telegram:BotToken", "123456:ABCdef_-"), (key, value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Database=mentorbot;Username=bot")]
    [InlineData("Host=db;Password=secret;Nonsense=1")]
    public void PostgreSQL_needs_a_connection_string_with_a_host_and_the_line_repeats_none_of_it(string connectionString)
    {
        var problems = Problems(("Database:Provider", "PostgreSql"), ("Database:ConnectionString", connectionString));

        var problem = Assert.Single(problems);
        Assert.StartsWith("Database:ConnectionString must be a PostgreSQL connection string with a Host", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_with_a_host_needs_no_SQLite_path()
    {
        Assert.Empty(Problems(("Database:Provider", "PostgreSql"), ("Database:ConnectionString", "Host=127.0.0.1;Database=mentorbot"), ("Database:Path", "")));
    }

    [Fact]
    public void A_bootstrap_coordinator_must_oversee_districts_that_exist()
    {
        Assert.Equal(
            ["Coordinators:Bootstrap:0:Districts names 'atlantis', which is not a code in Catalog:Districts."],
            Problems(("Coordinators:Bootstrap:0:UserId", "42"), ("Coordinators:Bootstrap:0:Districts:0", "dinskoy"), ("Coordinators:Bootstrap:0:Districts:1", "atlantis")));
        Assert.Equal(
            ["Coordinators:Bootstrap:0:Region 'Марс' has no district in Catalog:Districts."],
            Problems(("Coordinators:Bootstrap:0:UserId", "42"), ("Coordinators:Bootstrap:0:Region", "Марс")));
        Assert.Empty(Problems(("Coordinators:Bootstrap:0:UserId", "42"), ("Coordinators:Bootstrap:0:Region", "Краснодарский край")));
    }

    [Fact]
    public void An_empty_taxonomy_stops_the_start()
    {
        var problems = Problems(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:Districts:0:Code"] = "dinskoy", ["Catalog:Districts:0:Name"] = "Динской район",
            ["Catalog:Districts:0:Region"] = "Краснодарский край", ["Catalog:Districts:0:TimeZone"] = "Europe/Moscow",
        }));

        Assert.Equal(["Catalog:Taxonomy is empty: people need deficits and strengths to choose from."], problems);
    }

    [Fact]
    public async Task Starting_the_bot_with_a_wrong_setting_throws_one_line_naming_the_key_before_the_database_is_created()
    {
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => StoredCheckAsync(Webhook(secret: "")));

        Assert.Equal("Configuration error: Telegram:WebhookSecret is required when Telegram:Mode is Webhook.", error.Message);
        Assert.False(File.Exists(_databasePath));
    }

    [Fact]
    public void A_setting_read_while_registering_that_does_not_convert_is_one_line_too()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(Settings([("Database:Provider", "Oracle")]));

        var error = Assert.Throws<ConfigurationException>(() => builder.AddMentorBot());

        Assert.Equal("Configuration error: Database:Provider must be Sqlite or PostgreSql, not 'Oracle'.", error.Message);
    }

    [Fact]
    public async Task A_taxonomy_code_a_stored_profile_uses_must_stay_configured()
    {
        await SeedProfileAsync(code: "finance", district: "dinskoy");
        var finance = Configuration(new Dictionary<string, string?>()).GetSection("Catalog:Taxonomy").GetChildren().Single(e => e["Code"] == "finance").Key;

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => StoredCheckAsync(($"Catalog:Taxonomy:{finance}:Code", "money")));
        await StoredCheckAsync();

        Assert.Equal(
            "Configuration error: Catalog:Taxonomy lacks 'finance', which stored profiles use; put them back (a label may change, a code may not).",
            error.Message);
    }

    [Fact]
    public async Task A_district_a_stored_profile_belongs_to_must_stay_configured()
    {
        await SeedProfileAsync(code: "finance", district: "dinskoy");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => StoredCheckAsync(("Catalog:Districts:0:Code", "dinskaya")));

        Assert.StartsWith("Configuration error: Catalog:Districts lacks 'dinskoy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_executable_prints_one_line_and_exits_with_2()
    {
        await SeedProfileAsync(code: "finance", district: "dinskoy");

        var wrongSetting = await RunBotAsync(("Telegram__Mode", "Webhook"), ("Telegram__BotToken", "123456:abc"), ("Telegram__WebhookUrl", "https://bot.example.org/hook"));
        var wrongCatalog = await RunBotAsync(("Database__Path", _databasePath), ("Catalog__Districts__0__Code", "dinskaya"), ("Telegram__BotToken", ""));

        Assert.Equal((2, "Configuration error: Telegram:WebhookSecret is required when Telegram:Mode is Webhook.\n"), wrongSetting);
        Assert.Equal(2, wrongCatalog.ExitCode);
        Assert.StartsWith("Configuration error: Catalog:Districts lacks 'dinskoy'", wrongCatalog.Error, StringComparison.Ordinal);
        Assert.Single(wrongCatalog.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("Reminders__DefaultTimeZone", "Foo/Bar", "Reminders:DefaultTimeZone")]
    [InlineData("Networking__PeerRoundTimeZone", "Europe/Atlantis", "Networking:PeerRoundTimeZone")]
    [InlineData("Reminders__QuietHoursStart", "25:00", "Reminders:QuietHoursStart")]
    [InlineData("Reminders__DigestDay", "Funday", "Reminders:DigestDay")]
    [InlineData("Reminders__SweepInterval", "00:00:00", "Reminders:SweepInterval")]
    public async Task A_wrong_option_stops_the_executable_with_one_line_and_2_before_the_database_is_created(string name, string value, string key)
    {
        var (exitCode, error) = await RunBotAsync(("Database__Path", _databasePath), ("Telegram__BotToken", ""), (name, value));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.False(File.Exists(_databasePath), "the database was created before the settings were checked");
    }

    [Fact]
    public async Task A_database_in_a_missing_directory_stops_the_executable_with_one_line_naming_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mentorbot-missing-{Guid.NewGuid():N}", "bot.db");

        var (exitCode, error) = await RunBotAsync(("Database__Path", missing), ("Telegram__BotToken", ""));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Cannot open the database {missing} for writing (", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every options class the bot binds (found in its service registrations, so a class added later is walked too)
    /// gets a value of the wrong kind in each of its non-text settings: each must stop the start with one line naming
    /// the key, before the database exists. A class bound without validation at start would let the value through.
    /// </summary>
    [Fact]
    public async Task Every_bound_options_class_refuses_a_wrong_value_in_each_setting_before_the_database_is_touched()
    {
        var probe = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        probe.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        probe.Configuration.AddInMemoryCollection(BotHarness.BaseConfiguration(_databasePath));
        probe.AddMentorBot();
        var bound = probe.Services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(Microsoft.Extensions.Options.IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0]).Distinct().ToList();
        Assert.True(bound.Count >= 10, $"only {bound.Count} bound options classes were found");

        var checkedKeys = new List<string>();
        foreach (var type in bound)
        {
            var section = type.GetField("Section")?.GetRawConstantValue() as string ?? type.GetField("SectionName")?.GetRawConstantValue() as string;
            Assert.True(section is not null, $"{type.Name} names no Section constant, so its settings cannot be found");
            foreach (var property in type.GetProperties().Where(p => p.CanWrite && IsScalar(p.PropertyType)))
            {
                var key = $"{section}:{property.Name}";
                var error = await Assert.ThrowsAsync<ConfigurationException>(() => StoredCheckAsync((key, "not-a-value")));
                Assert.Contains(key, error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', error.Message);
                Assert.False(File.Exists(_databasePath), $"{key}: the database was created before the settings were checked");
                checkedKeys.Add(key);
            }
        }
        Assert.Contains("Reminders:QuietHoursStart", checkedKeys);
        Assert.Contains("Networking:PeerRoundDay", checkedKeys);
    }

    private static bool IsScalar(Type type) =>
        type.IsEnum || type.IsPrimitive || type == typeof(TimeSpan) || type == typeof(TimeOnly) || type == typeof(DateOnly) || type == typeof(decimal);

    public void Dispose()
    {
        SqliteTestDatabase.DeleteFiles(_databasePath);
    }

    private async Task StoredCheckAsync(params (string Key, string Value)[] overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(BotHarness.BaseConfiguration(_databasePath));
        builder.Configuration.AddInMemoryCollection(Settings(overrides));
        builder.Logging.ClearProviders();
        builder.AddMentorBot();
        using var host = builder.Build();
        await host.Services.GetRequiredService<StoredCatalogCheck>().RunAsync();
    }

    private async Task SeedProfileAsync(string code, string district)
    {
        await StoredCheckAsync();
        await using var connection = new SqliteConnection($"Data Source={_databasePath}");
        await connection.ExecuteAsync(
            """
            INSERT INTO people (user_id, role, status, full_name, position, school, district, settlement, settlement_kind, size_band,
                                school_status, years_as_director, created_at, updated_at)
            VALUES (7, 'young', 'active', 'Тестовая Анна', 'директор', 'СОШ 1', @District, 'Динская', 'village', 'small', 'regular', 1, 0, 0);
            INSERT INTO person_codes (user_id, kind, code, priority) VALUES (7, 'Deficit', @Code, 1);
            """,
            new { District = district, Code = code });
    }

    /// <summary>Runs the bot's executable as an operator would, with settings in the environment.</summary>
    private static async Task<(int ExitCode, string Error)> RunBotAsync(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MentorBot.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        // Were the check to pass, the console chat would start; closing its input makes it stop.
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, (await error).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
