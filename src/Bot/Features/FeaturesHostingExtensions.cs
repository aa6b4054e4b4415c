using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Help;
using MentorBot.Bot.Features.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Features;

/// <summary>Every feature folder joins the bot here.</summary>
public static class FeaturesHostingExtensions
{
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCommand<HelpCommand>();
        builder.Services.AddScoped<ICallerDirectory, CallerDirectory>();
        return builder;
    }
}
