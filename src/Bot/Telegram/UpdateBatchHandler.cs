using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Handles a batch of updates: each chat's updates in order, different chats concurrently. Returns when every
/// update is committed, so the caller may then confirm the batch.
/// </summary>
public sealed class UpdateBatchHandler(UpdatePipeline pipeline, ChatSequencer sequencer, IOptions<TelegramOptions> options)
{
    public async Task HandleAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var byChat = updates
            .OrderBy(u => u.Id)
            .GroupBy(u => u.OrderingChatId ?? 0)
            .ToList();
        await Parallel.ForEachAsync(
            byChat,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentChats), CancellationToken = cancellationToken },
            async (chat, token) =>
            {
                foreach (var update in chat)
                {
                    await HandleOneAsync(update, token);
                }
            });
    }

    /// <summary>One update, in order with others of its chat that arrive by other paths (webhook, console).</summary>
    public Task HandleOneAsync(Update update, CancellationToken cancellationToken) =>
        sequencer.RunAsync(update.OrderingChatId ?? 0, () => pipeline.HandleAsync(update, cancellationToken), cancellationToken);
}
