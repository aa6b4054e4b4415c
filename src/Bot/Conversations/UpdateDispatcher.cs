using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// Routes one update to its feature: a command, a button, or the step of the dialog the person is in. Everything
/// else gets a helpful answer. Roles are checked here for commands, and by each handler for its buttons.
/// </summary>
public sealed class UpdateDispatcher(
    RouteTable routes,
    IServiceProvider services,
    ICallerDirectory callers,
    ConversationRepository conversations,
    ChatRepository chats,
    OutboxWriter outbox)
{
    /// <summary>Handles the update; returns its context, or null for an update that is not a person's private chat.</summary>
    public async Task<UpdateContext?> DispatchAsync(Update update, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (update.MyChatMember is { Chat.Type: ChatType.Private, NewChatMember: not null } membership)
        {
            await RecordMembershipAsync(membership, now, cancellationToken);
            return null;
        }
        var (from, chat) = update switch
        {
            { Message: { From: { } sender } message } => (sender, message.Chat),
            { CallbackQuery: { From: { } presser } query } => (presser, query.Message?.Chat ?? new Chat { Id = presser.Id }),
            _ => (null, null),
        };
        if (from is null || chat is null || from.IsBot || chat.Type != ChatType.Private)
        {
            return null;
        }

        await chats.MarkActiveAsync(chat.Id, now, cancellationToken);
        var caller = await callers.FindAsync(from.Id, cancellationToken);
        var context = new UpdateContext(update, from, chat.Id, caller, now, outbox)
        {
            Conversation = await conversations.FindAsync(from.Id, cancellationToken),
        };

        if (update.Message is { } incoming)
        {
            await OnMessageAsync(context, incoming, cancellationToken);
        }
        else if (update.CallbackQuery is { } pressed)
        {
            await OnCallbackAsync(context, pressed, cancellationToken);
        }
        return context;
    }

    private async Task OnMessageAsync(UpdateContext context, Message message, CancellationToken cancellationToken)
    {
        if (ParseCommand(message.Text) is var (name, arguments))
        {
            await OnCommandAsync(context, name, arguments, cancellationToken);
            return;
        }
        if (context.Conversation is { } state && FindConversation(state) is { } dialog)
        {
            await dialog.HandleMessageAsync(context, cancellationToken);
            return;
        }
        context.Reply(Texts.StrayText);
    }

    private async Task OnCommandAsync(UpdateContext context, string name, string arguments, CancellationToken cancellationToken)
    {
        if (!routes.Commands.TryGetValue(name, out var registration))
        {
            context.Reply(Texts.UnknownCommand);
            return;
        }
        if (!context.Caller.Is(registration.Route.Audience))
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        if (!registration.Route.AllowedInDialog && context.Conversation is { } state && FindConversation(state) is { } dialog)
        {
            // A dialog is modal: another command would leave its half-filled draft behind unnoticed.
            context.Reply(Texts.FinishDialogFirst);
            await dialog.ResumeAsync(context, cancellationToken);
            return;
        }
        var handler = (ICommandHandler)services.GetRequiredService(registration.HandlerType);
        await handler.HandleAsync(context, arguments, cancellationToken);
    }

    private async Task OnCallbackAsync(UpdateContext context, CallbackQuery query, CancellationToken cancellationToken)
    {
        var data = CallbackData.TryParse(query.Data);
        if (data is null)
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        if (routes.Conversations.TryGetValue(data.Prefix, out var dialogType))
        {
            await ((IConversation)services.GetRequiredService(dialogType)).HandleCallbackAsync(context, data, cancellationToken);
            return;
        }
        if (routes.Callbacks.TryGetValue(data.Prefix, out var handlerType))
        {
            await ((ICallbackHandler)services.GetRequiredService(handlerType)).HandleAsync(context, data, cancellationToken);
            return;
        }
        context.AnswerCallback(Texts.StaleButton);
    }

    private IConversation? FindConversation(ConversationState state) =>
        routes.Conversations.TryGetValue(state.Dialog, out var type) ? (IConversation)services.GetRequiredService(type) : null;

    private async Task RecordMembershipAsync(ChatMemberUpdated membership, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (membership.NewChatMember.Status is ChatMemberStatus.Kicked)
        {
            await chats.MarkBlockedAsync(membership.Chat.Id, now, cancellationToken);
        }
        else if (membership.NewChatMember.Status is ChatMemberStatus.Member)
        {
            await chats.MarkActiveAsync(membership.Chat.Id, now, cancellationToken);
        }
    }

    /// <summary>"/name@bot args" → ("name", "args"); null when the text is not a command.</summary>
    public static (string Name, string Arguments)? ParseCommand(string? text)
    {
        if (text is null || text.Length < 2 || text[0] != '/')
        {
            return null;
        }
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        if (name.Length == 0 || name.Length > 32 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }
        return (name, space < 0 ? "" : text[(space + 1)..].Trim());
    }
}
