using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Conversations;

public static class ConversationsHostingExtensions
{
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RouteTable>();
        builder.Services.AddScoped<UpdateDispatcher>();
        builder.Services.AddCommand<CancelCommand>();
        return builder;
    }
}
