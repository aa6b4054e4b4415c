using System.Text.RegularExpressions;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// Checks the settings before anything starts, so that a mistake stops the bot with one line naming its key rather
/// than surfacing later: as a stack trace, as a console chat silently started on a server, as a district clock in UTC.
/// </summary>
public static partial class ConfigurationValidation
{
    /// <summary>Validates the configuration now, and registers the check of stored data that runs after migrations.</summary>
    public static IHostApplicationBuilder AddConfigurationValidation(this IHostApplicationBuilder builder)
    {
        if (Problems(builder.Configuration).FirstOrDefault() is { } problem)
        {
            throw new ConfigurationException(problem);
        }
        builder.Services.AddScoped<CatalogUsageRepository>();
        builder.Services.AddSingleton<StoredCatalogCheck>();
        return builder;
    }

    /// <summary>
    /// Binds and validates every options class registered with <c>ValidateOnStart</c> now, turning the first failure
    /// into one line naming its key: a value that does not convert ('25:00' for a time, 'Funday' for a day) or a rule
    /// the class's validation states.
    /// </summary>
    public static void ValidateOptions(IStartupValidator validator)
    {
        try
        {
            validator.Validate();
        }
        catch (Exception error) when (FirstProblem(error) is { } problem)
        {
            throw new ConfigurationException(problem);
        }
    }

    private static string? FirstProblem(Exception error) => error switch
    {
        AggregateException many => many.InnerExceptions.Select(FirstProblem).FirstOrDefault(p => p is not null),
        Microsoft.Extensions.Options.OptionsValidationException invalid => invalid.Failures.FirstOrDefault() ?? invalid.Message,
        // The binder's own message names the key and the type, e.g. "Failed to convert configuration value at 'Reminders:DigestDay' to type 'System.DayOfWeek'."
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert", StringComparison.Ordinal) => binding.Message,
        _ => null,
    };

    /// <summary>Every problem found, each a sentence naming its key; empty when the bot can start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var mode = configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.Mode)}"];
        if (!string.IsNullOrEmpty(mode) && !Enum.GetNames<ReceiveMode>().Contains(mode, StringComparer.OrdinalIgnoreCase))
        {
            return [$"Telegram:Mode must be Polling or Webhook, not '{mode}'."];
        }
        try
        {
            var telegram = Bind<TelegramOptions>(configuration, TelegramOptions.Section);
            var catalog = Bind<CatalogOptions>(configuration, CatalogOptions.Section);
            return Telegram(telegram)
                .Concat(Listeners(telegram, Bind<OperationsOptions>(configuration, OperationsOptions.Section)))
                .Concat(Database(Bind<DatabaseOptions>(configuration, DatabaseOptions.Section)))
                .Concat(Outbound(Bind<OutboundOptions>(configuration, OutboundOptions.Section)))
                .Concat(Catalog(catalog))
                .Concat(Coordinators(Bind<CoordinatorsOptions>(configuration, CoordinatorsOptions.Section), catalog))
                .ToList();
        }
        catch (InvalidOperationException error)
        {
            // The binder's own message names the key and the expected type, e.g. a word where a number belongs.
            return [error.Message];
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    private static IEnumerable<string> Telegram(TelegramOptions telegram)
    {
        if (telegram.IsConfigured && !BotTokenFormat().IsMatch(telegram.BotToken))
        {
            yield return "Telegram:BotToken does not look like a token from @BotFather: digits, a colon, then letters, digits, _ and - (no spaces or quotes).";
        }
        if (!IsHttpUrl(telegram.ApiBaseUrl))
        {
            yield return "Telegram:ApiBaseUrl must be an absolute http:// or https:// URL.";
        }
        if (telegram.PollingTimeoutSeconds < 0)
        {
            yield return "Telegram:PollingTimeoutSeconds must not be negative.";
        }
        if (telegram.RequestTimeoutSeconds < 1)
        {
            yield return "Telegram:RequestTimeoutSeconds must be at least 1.";
        }
        if (telegram.MaxConcurrentChats < 1)
        {
            yield return "Telegram:MaxConcurrentChats must be at least 1.";
        }
        if (telegram.WebhookSecret.Length > 0 && !WebhookSecretFormat().IsMatch(telegram.WebhookSecret))
        {
            yield return "Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret tokens).";
        }
        if (telegram.Mode != ReceiveMode.Webhook)
        {
            yield break;
        }
        if (!telegram.IsConfigured)
        {
            // Without a token the console chat would start, and on a server it would exit at once.
            yield return "Telegram:BotToken is required when Telegram:Mode is Webhook.";
        }
        if (string.IsNullOrWhiteSpace(telegram.WebhookUrl))
        {
            yield return "Telegram:WebhookUrl is required when Telegram:Mode is Webhook.";
        }
        else if (!Uri.TryCreate(telegram.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Telegram:WebhookUrl must be an absolute https:// URL: Telegram posts updates only over HTTPS.";
        }
        if (telegram.WebhookSecret.Length == 0)
        {
            yield return "Telegram:WebhookSecret is required when Telegram:Mode is Webhook.";
        }
        if (!telegram.WebhookPath.StartsWith('/'))
        {
            yield return "Telegram:WebhookPath must start with /.";
        }
        if (!IsHttpUrl(telegram.WebhookListenUrl))
        {
            yield return "Telegram:WebhookListenUrl must be an absolute http:// URL, such as http://127.0.0.1:8080.";
        }
    }

    private static IEnumerable<string> Listeners(TelegramOptions telegram, OperationsOptions operations)
    {
        if (operations.HealthListenUrl.Length == 0)
        {
            yield break;
        }
        if (!IsHttpUrl(operations.HealthListenUrl))
        {
            yield return "Operations:HealthListenUrl must be an absolute http:// URL, such as http://127.0.0.1:8081, or empty to turn it off.";
        }
        else if (telegram.Mode == ReceiveMode.Webhook && IsHttpUrl(telegram.WebhookListenUrl)
            && new Uri(operations.HealthListenUrl) is { Port: > 0 } health
            && new Uri(telegram.WebhookListenUrl) is var webhook
            && health.Port == webhook.Port && string.Equals(health.Host, webhook.Host, StringComparison.OrdinalIgnoreCase))
        {
            yield return "Operations:HealthListenUrl must differ from Telegram:WebhookListenUrl: the proxy must reach the webhook, never the health port.";
        }
    }

    private static IEnumerable<string> Database(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            if (!IsPostgresConnectionString(database.ConnectionString))
            {
                yield return "Database:ConnectionString must be a PostgreSQL connection string with a Host, such as "
                    + "Host=127.0.0.1;Database=mentorbot;Username=mentorbot, when Database:Provider is PostgreSql.";
            }
        }
        else if (string.IsNullOrWhiteSpace(database.Path))
        {
            yield return "Database:Path is required: the SQLite file of the bot.";
        }
        if (database.BusyTimeoutMilliseconds < 0)
        {
            yield return "Database:BusyTimeoutMilliseconds must not be negative.";
        }
        if (database.ProcessedUpdateRetentionDays < 1)
        {
            yield return "Database:ProcessedUpdateRetentionDays must be at least 1: Telegram redelivers updates for up to a day.";
        }
        if (database.OutboxRetentionDays < 1)
        {
            yield return "Database:OutboxRetentionDays must be at least 1: a broadcast edits its progress message through its outbox row.";
        }
    }

    private static bool IsPostgresConnectionString(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            // Not echoed: a connection string may carry a password.
            return false;
        }
    }

    private static IEnumerable<string> Outbound(OutboundOptions outbound)
    {
        if (outbound.GlobalMessagesPerSecond <= 0)
        {
            yield return "Outbound:GlobalMessagesPerSecond must be greater than 0.";
        }
        if (outbound.PerChatMessagesPerSecond < 0)
        {
            yield return "Outbound:PerChatMessagesPerSecond must not be negative (0 turns the per-chat limit off).";
        }
        if (outbound.MaxParallelSends < 1)
        {
            yield return "Outbound:MaxParallelSends must be at least 1.";
        }
        if (outbound.RateMarginMilliseconds < 0)
        {
            yield return "Outbound:RateMarginMilliseconds must not be negative.";
        }
        if (outbound.MaxAttempts < 1)
        {
            yield return "Outbound:MaxAttempts must be at least 1.";
        }
        if (outbound.MaxBackoffSeconds < 1)
        {
            yield return "Outbound:MaxBackoffSeconds must be at least 1.";
        }
        if (outbound.IdlePollMilliseconds < 1)
        {
            yield return "Outbound:IdlePollMilliseconds must be at least 1.";
        }
        if (outbound.MaxMessageLength is < 1 or > 4096)
        {
            yield return "Outbound:MaxMessageLength must be between 1 and 4096, Telegram's limit.";
        }
    }

    private static IEnumerable<string> Catalog(CatalogOptions catalog)
    {
        if (catalog.Taxonomy.Count == 0)
        {
            yield return "Catalog:Taxonomy is empty: people need deficits and strengths to choose from.";
        }
        foreach (var problem in Codes("Catalog:Taxonomy", catalog.Taxonomy.Select(e => e.Code)))
        {
            yield return problem;
        }
        foreach (var (_, i) in catalog.Taxonomy.Select((e, i) => (e, i)).Where(p => string.IsNullOrWhiteSpace(p.e.Label)))
        {
            yield return $"Catalog:Taxonomy:{i}:Label is empty.";
        }

        if (catalog.Districts.Count == 0)
        {
            yield return "Catalog:Districts is empty: every profile belongs to a district.";
        }
        foreach (var problem in Codes("Catalog:Districts", catalog.Districts.Select(d => d.Code)))
        {
            yield return problem;
        }
        for (var i = 0; i < catalog.Districts.Count; i++)
        {
            var district = catalog.Districts[i];
            if (string.IsNullOrWhiteSpace(district.Name))
            {
                yield return $"Catalog:Districts:{i}:Name is empty.";
            }
            if (string.IsNullOrWhiteSpace(district.Region))
            {
                yield return $"Catalog:Districts:{i}:Region is empty.";
            }
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(district.TimeZone, out _))
            {
                yield return $"Catalog:Districts:{i}:TimeZone '{district.TimeZone}' is not a known IANA time zone, such as Europe/Moscow.";
            }
        }
    }

    /// <summary>Codes are stored in profiles and carried in button data, so they are short, plain and unique.</summary>
    private static IEnumerable<string> Codes(string key, IEnumerable<string> codes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            if (!CodeFormat().IsMatch(code))
            {
                yield return $"{key}:{i}:Code must be 1 to 32 characters of a-z, A-Z, 0-9, _ and -.";
            }
            else if (!seen.Add(code))
            {
                yield return $"{key} has the code '{code}' twice.";
            }
        }
    }

    private static IEnumerable<string> Coordinators(CoordinatorsOptions coordinators, CatalogOptions catalog)
    {
        for (var i = 0; i < coordinators.Bootstrap.Count; i++)
        {
            var coordinator = coordinators.Bootstrap[i];
            var key = $"Coordinators:Bootstrap:{i}";
            if (coordinator.UserId <= 0)
            {
                yield return $"{key}:UserId must be the person's Telegram user id, a positive number.";
            }
            if (coordinator.Districts.Count == 0 && string.IsNullOrWhiteSpace(coordinator.Region))
            {
                yield return $"{key} needs Districts or a Region to oversee.";
            }
            foreach (var unknown in coordinator.Districts.Where(code => catalog.Districts.All(d => d.Code != code)))
            {
                yield return $"{key}:Districts names '{unknown}', which is not a code in Catalog:Districts.";
            }
            if (!string.IsNullOrWhiteSpace(coordinator.Region) && catalog.Districts.All(d => d.Region != coordinator.Region))
            {
                yield return $"{key}:Region '{coordinator.Region}' has no district in Catalog:Districts.";
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenFormat();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretFormat();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodeFormat();
}
