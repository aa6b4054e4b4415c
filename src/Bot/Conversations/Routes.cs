namespace MentorBot.Bot.Conversations;

/// <summary>A slash command, who may use it, and how /help describes it.</summary>
public sealed record CommandRoute(string Name, string Description, Audience Audience, bool InHelp = true, bool AllowedInDialog = false);

public interface ICommandHandler
{
    static abstract CommandRoute Route { get; }

    Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken);
}

/// <summary>Handles inline buttons whose data starts with its prefix.</summary>
public interface ICallbackHandler
{
    static abstract string Prefix { get; }

    Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken);
}

/// <summary>A dialog of named steps; it owns the states <c>Name.*</c> and the buttons with prefix <c>Name</c>.</summary>
public interface IConversation
{
    static abstract string Name { get; }

    Task HandleMessageAsync(UpdateContext context, CancellationToken cancellationToken);

    Task HandleCallbackAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken);

    /// <summary>Asks the current step's question again, after an interruption.</summary>
    Task ResumeAsync(UpdateContext context, CancellationToken cancellationToken);
}

public sealed record CommandRegistration(CommandRoute Route, Type HandlerType);

public sealed record CallbackRegistration(string Prefix, Type HandlerType);

public sealed record ConversationRegistration(string Name, Type HandlerType);
