using MentorBot.Bot.Tests.Fakes;
using Telegram.Bot.Types;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// A person in a private chat with a bot that runs in another process, through the fake Telegram. Like a person, they
/// act only on what their chat shows, and after each message or press they wait until the bot has committed it (its id is
/// recorded as processed) and every answer to their chat has gone out, however many restarts that takes.
/// </summary>
public sealed class FakeChat(FakeBotApi api, BotDatabase database, long userId)
{
    /// <summary>Long enough for a few kills and restarts of the bot in between.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public long UserId => userId;

    public Task SendAsync(string text) => SettleAsync(api.EnqueueText(userId, text), text);

    /// <summary>Presses the button with this data under the newest message that shows it.</summary>
    public Task PressAsync(string callbackData)
    {
        var message = api.VisibleMessages(userId).LastOrDefault(m => m.Buttons().Any(b => b.CallbackData == callbackData))
            ?? throw new InvalidOperationException($"Chat {userId} shows no button \"{callbackData}\"; it shows: {Describe()}");
        return SettleAsync(api.EnqueueButtonPress(userId, message.MessageId, callbackData), callbackData);
    }

    /// <summary>The buttons whose data starts with <paramref name="prefix"/> under the newest message that has any.</summary>
    public IReadOnlyList<FakeButton> NewestButtons(string prefix) =>
        api.VisibleMessages(userId)
            .Select(m => m.Buttons().Where(b => b.CallbackData?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList())
            .LastOrDefault(buttons => buttons.Count > 0) ?? [];

    /// <summary>Every button with data starting with <paramref name="prefix"/> that the chat shows, oldest message first.</summary>
    public IReadOnlyList<string> VisibleCallbackData(string prefix) =>
        api.VisibleMessages(userId)
            .SelectMany(m => m.Buttons())
            .Select(b => b.CallbackData)
            .OfType<string>()
            .Where(data => data.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct()
            .ToList();

    private async Task SettleAsync(Update update, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (!api.IsPending(update.Id)
                && await database.IsHandledAsync(update.Id)
                && await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE chat_id = @ChatId AND status = 'pending'", new { ChatId = userId }) == 0)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"Chat {userId}: \"{what}\" (update {update.Id}) was not handled and answered within {Patience.TotalSeconds} s.");
    }

    private string Describe() =>
        string.Join(" | ", api.VisibleMessages(userId).TakeLast(3).Select(m => $"{m.MessageId}: {m.VisibleText} [{string.Join(", ", m.Buttons().Select(b => b.CallbackData))}]"));
}
