using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features;
using MentorBot.Bot.Jobs;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Hosting;

public static class BotHostingExtensions
{
    /// <summary>
    /// The whole bot. The configuration is checked first; persistence comes next, so migrations run before anything
    /// receives or sends.
    /// </summary>
    public static IHostApplicationBuilder AddMentorBot(this IHostApplicationBuilder builder)
    {
        builder.AddConfigurationValidation();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FatalStop>();
        builder.AddPersistence();
        builder.AddCatalog();
        builder.AddConversations();
        builder.AddFeatures();
        builder.AddTelegram();
        builder.AddJobs();
        builder.AddOperations();
        return builder;
    }
}
