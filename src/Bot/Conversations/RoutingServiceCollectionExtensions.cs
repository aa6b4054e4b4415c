using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Conversations;

public static class RoutingServiceCollectionExtensions
{
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services) where THandler : class, ICommandHandler
    {
        services.AddScoped<THandler>();
        return services.AddSingleton(new CommandRegistration(THandler.Route, typeof(THandler)));
    }

    public static IServiceCollection AddCallback<THandler>(this IServiceCollection services) where THandler : class, ICallbackHandler
    {
        services.AddScoped<THandler>();
        return services.AddSingleton(new CallbackRegistration(THandler.Prefix, typeof(THandler)));
    }

    public static IServiceCollection AddConversation<TDialog>(this IServiceCollection services) where TDialog : class, IConversation
    {
        services.AddScoped<TDialog>();
        return services.AddSingleton(new ConversationRegistration(TDialog.Name, typeof(TDialog)));
    }
}
