using System.Text.Json.Nodes;

namespace MentorBot.Bot.Tests.Fakes;

/// <summary>
/// One message as the user sees it right after a sendMessage, sendDocument, editMessageText or
/// editMessageReplyMarkup that Telegram accepted. An edit is recorded with the whole resulting message.
/// </summary>
public sealed record DeliveredMessage(string Method, long ChatId, int MessageId, DateTimeOffset At)
{
    /// <summary>The text or caption as the bot sent it, HTML included.</summary>
    public string? Text { get; init; }

    /// <summary>What the user reads: tags removed and entities decoded.</summary>
    public string? VisibleText { get; init; }

    public string? ParseMode { get; init; }

    /// <summary>The reply_markup exactly as the bot sent it, any kind of keyboard.</summary>
    public string? ReplyMarkupJson { get; init; }

    public bool LinkPreviewDisabled { get; init; }

    public string? FileName { get; init; }

    public byte[]? FileContent { get; init; }

    /// <summary>The inline buttons, row after row.</summary>
    public IReadOnlyList<FakeButton> Buttons()
    {
        if (ReplyMarkupJson is null || JsonNode.Parse(ReplyMarkupJson)?["inline_keyboard"] is not JsonArray rows)
        {
            return [];
        }

        return rows.OfType<JsonArray>()
            .SelectMany(row => row.OfType<JsonObject>())
            .Select(button => new FakeButton(
                (string?)button["text"] ?? "",
                (string?)button["callback_data"],
                (string?)button["url"]))
            .ToList();
    }
}

public sealed record FakeButton(string Text, string? CallbackData, string? Url);

public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, DateTimeOffset At);

public sealed record WebhookRegistration(string Url, string? SecretToken, bool DropPendingUpdates);
