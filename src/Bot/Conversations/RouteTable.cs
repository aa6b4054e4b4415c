namespace MentorBot.Bot.Conversations;

/// <summary>Every command, button prefix and dialog, registered once at start-up and looked up per update.</summary>
public sealed class RouteTable
{
    public RouteTable(IEnumerable<CommandRegistration> commands, IEnumerable<CallbackRegistration> callbacks, IEnumerable<ConversationRegistration> conversations)
    {
        Commands = commands.ToDictionary(c => c.Route.Name, StringComparer.Ordinal);
        Callbacks = callbacks.ToDictionary(c => c.Prefix, c => c.HandlerType, StringComparer.Ordinal);
        Conversations = conversations.ToDictionary(c => c.Name, c => c.HandlerType, StringComparer.Ordinal);
        var clash = Callbacks.Keys.Intersect(Conversations.Keys).FirstOrDefault();
        if (clash is not null)
        {
            throw new InvalidOperationException($"'{clash}' is both a button prefix and a dialog name.");
        }
    }

    public IReadOnlyDictionary<string, CommandRegistration> Commands { get; }
    public IReadOnlyDictionary<string, Type> Callbacks { get; }
    public IReadOnlyDictionary<string, Type> Conversations { get; }
}
