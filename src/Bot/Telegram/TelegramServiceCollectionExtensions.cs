using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IBotApi"/> as a typed HttpClient; expects IOptions&lt;TelegramOptions&gt; to be bound.</summary>
    public static IServiceCollection AddTelegramBotClient(this IServiceCollection services)
    {
        services.AddHttpClient<IBotApi, BotApiClient>(http =>
                // The client enforces a deadline per call; a long poll must be allowed to outlast any fixed timeout.
                http.Timeout = Timeout.InfiniteTimeSpan)
            // Long-lived services keep one client for good, so connections are recycled here to follow DNS changes
            // instead of relying on the factory rotating handlers.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            // The factory's default loggers write the request URI, and the URI holds the bot token.
            .RemoveAllLoggers();
        return services;
    }
}
