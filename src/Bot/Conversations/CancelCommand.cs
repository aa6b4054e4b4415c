using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Conversations;

/// <summary>/cancel: leaves whatever dialog the person is in, at any step, storing nothing of its draft.</summary>
public sealed class CancelCommand(ConversationRepository conversations) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("cancel", "отменить текущее действие", Audience.Anyone, AllowedInDialog: true);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (context.Conversation is null)
        {
            context.Reply(Texts.NothingToCancel);
            return;
        }
        await conversations.ClearAsync(context.UserId, cancellationToken);
        context.Conversation = null;
        context.Reply(Texts.DialogCancelled);
    }
}
