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
    /// The whole bot. Every options class is validated at start, by <see cref="StoredCatalogCheck"/> before the database
    /// is opened; persistence comes first, so migrations run before anything receives or sends.
    /// </summary>
    public static IHostApplicationBuilder AddMentorBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FatalStop>();
        builder.Services.AddScoped<CatalogUsageRepository>();
        builder.Services.AddSingleton<StoredCatalogCheck>();
        // A few registrations depend on a setting (the mode, the provider); a value of the wrong kind there is one line too.
        ConfigurationValidation.WhileRegistering(() =>
        {
            builder.AddPersistence();
            builder.AddCatalog();
            builder.AddConversations();
            builder.AddFeatures();
            // Hosted services start in this order: health answers first, so a supervisor sees the bot start.
            builder.AddOperations();
            builder.AddTelegram();
            builder.AddJobs();
        });
        return builder;
    }
}
