using MentorBot.Bot.ConsoleChat;
using MentorBot.Bot.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Telegram;

public static class TelegramHostingExtensions
{
    /// <summary>
    /// Receiving and sending. With a bot token: Telegram, by long polling or webhook. Without one: the terminal chat,
    /// which runs the same pipeline and outbox against the console instead of the Bot API.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var telegramSection = builder.Configuration.GetSection(TelegramOptions.Section);
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsRules>();
        services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsRules>();
        services.AddOptions<TelegramOptions>().Bind(telegramSection).ValidateOnStart();
        services.AddOptions<OutboundOptions>().Bind(builder.Configuration.GetSection(OutboundOptions.Section)).ValidateOnStart();
        var telegram = telegramSection.Get<TelegramOptions>() ?? new TelegramOptions();

        services.AddSingleton<ChatSequencer>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<CallbackAnswers>();
        services.AddHostedService(provider => provider.GetRequiredService<CallbackAnswers>());
        services.AddSingleton<UpdateBatchHandler>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SendRateLimiter>();
        services.AddScoped<OutboxWriter>();

        if (telegram.IsConfigured)
        {
            services.AddTelegramBotClient();
            if (telegram.Mode == ReceiveMode.Webhook)
            {
                services.AddHostedService<WebhookServer>();
            }
            else
            {
                services.AddSingleton<PolledUpdates>();
                services.AddHostedService<PollingReceiver>();
            }
        }
        else
        {
            services.AddOptions<ConsoleChatOptions>().Bind(builder.Configuration.GetSection(ConsoleChatOptions.Section)).ValidateOnStart();
            // One person at a terminal needs no protection from Telegram's rate limits.
            services.PostConfigure<OutboundOptions>(o => o.PerChatMessagesPerSecond = 0);
            services.AddSingleton(new ConsoleScreen(Console.Out));
            services.AddSingleton(new ConsoleInput(Console.In));
            services.AddSingleton<IBotApi, ConsoleChatClient>();
            services.AddHostedService<ConsoleChatReceiver>();
            // Log lines would break into the conversation on the same terminal; a provider rule outranks appsettings.
            builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        }
        services.AddHostedService<OutboxSender>();
        return builder;
    }
}
