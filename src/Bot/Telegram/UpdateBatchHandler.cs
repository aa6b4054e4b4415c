using Telegram.Bot.Types;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// The one way in for an update, whatever brought it (polling, webhook, console): in order with the others of its
/// chat, which different chats need not wait for.
/// </summary>
public sealed class UpdateBatchHandler(UpdatePipeline pipeline, ChatSequencer sequencer)
{
    public Task HandleOneAsync(Update update, CancellationToken cancellationToken) =>
        sequencer.RunAsync(update.OrderingChatId ?? 0, () => pipeline.HandleAsync(update, cancellationToken), cancellationToken);
}
