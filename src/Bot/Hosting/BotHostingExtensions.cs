using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Hosting;

public static class BotHostingExtensions
{
    /// <summary>The whole bot. Persistence comes first, so migrations run before anything receives or sends.</summary>
    public static IHostApplicationBuilder AddMentorBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPersistence();
        builder.AddCatalog();
        builder.AddConversations();
        builder.AddFeatures();
        builder.AddTelegram();
        return builder;
    }
}
