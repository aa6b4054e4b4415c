using MentorBot.Bot.Tests.Fakes;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>What the users received, compared with what the bot committed to send.</summary>
public sealed record Transcript(int Messages, int Duplicates)
{
    /// <summary>
    /// Every outbox row is done and was sent, and each chat received each of its messages, in order, at least once.
    /// A message goes out again only when its call was in flight as the bot died (or its answer was lost): the copy
    /// then follows the original at once, as one chat's messages are sent one after the other. So beyond collapsing such
    /// adjacent copies, each chat's sends must match its outbox rows one for one, and no chat may hold more copies than
    /// <paramref name="maxCopiesPerChat"/> (the kills, or the answers the fake lost).
    /// </summary>
    public static async Task<Transcript> AssertNothingLostAsync(FakeBotApi api, BotDatabase database, int maxCopiesPerChat)
    {
        var unfinished = await database.QueryAsync<(long Id, long ChatId, string Kind, string Status, string? Error)>(
            "SELECT id, chat_id, kind, status, error FROM outbox WHERE status <> 'sent' ORDER BY id");
        Assert.True(unfinished.Count == 0, "Outbox rows not sent: " + string.Join("; ", unfinished.Take(10)));

        var rows = (await database.QueryAsync<(long ChatId, long Count)>("SELECT chat_id, COUNT(*) FROM outbox WHERE kind = 'Send' GROUP BY chat_id"))
            .ToDictionary(r => r.ChatId, r => (int)r.Count);
        var sends = api.Delivered.Where(m => m.Method == "sendMessage").ToLookup(m => m.ChatId);
        var messages = 0;
        var duplicates = 0;
        foreach (var chat in rows.Keys.Union(sends.Select(g => g.Key)))
        {
            var received = sends[chat].ToList();
            var distinct = received.Where((message, i) => i == 0 || !SameMessage(received[i - 1], message)).Count();
            Assert.True(distinct == rows.GetValueOrDefault(chat),
                $"Chat {chat} received {distinct} distinct messages for {rows.GetValueOrDefault(chat)} outbox rows: "
                + string.Join(" | ", received.Select(m => Short(m.VisibleText))));
            Assert.True(received.Count - distinct <= maxCopiesPerChat,
                $"Chat {chat} received {received.Count - distinct} copies, more than the {maxCopiesPerChat} that were possibly in flight");
            messages += distinct;
            duplicates += received.Count - distinct;
        }
        return new Transcript(messages, duplicates);
    }

    private static bool SameMessage(DeliveredMessage a, DeliveredMessage b) => a.Text == b.Text && a.ReplyMarkupJson == b.ReplyMarkupJson;

    private static string Short(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..60] + "…";
}
