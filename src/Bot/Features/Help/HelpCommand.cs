using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.Help;

/// <summary>/help: the commands this person's roles allow, and nothing else.</summary>
public sealed class HelpCommand(RouteTable routes) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("help", "список команд", Audience.Anyone, AllowedInDialog: true);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        context.Reply(Render(routes, context.Caller));
        return Task.CompletedTask;
    }

    public static HtmlText Render(RouteTable routes, Caller caller)
    {
        var lines = routes.Commands.Values
            .Where(c => c.Route.InHelp && caller.Is(c.Route.Audience))
            .OrderBy(c => c.Route.Name, StringComparer.Ordinal)
            .Select(c => Html.Format($"/{c.Route.Name} — {c.Route.Description}"));
        return Html.Lines(new[] { Texts.HelpHeader }.Concat(lines));
    }
}
