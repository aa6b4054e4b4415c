using System.Text.Json.Serialization;

namespace MentorBot.Bot.Telegram;

public sealed record GetUpdatesRequest
{
    [JsonPropertyName("offset")] public long? Offset { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    /// <summary>Long-poll seconds.</summary>
    [JsonPropertyName("timeout")] public int Timeout { get; init; }
    [JsonPropertyName("allowed_updates")] public IReadOnlyList<string>? AllowedUpdates { get; init; }
}

public sealed record LinkPreviewOptions
{
    [JsonPropertyName("is_disabled")] public bool IsDisabled { get; init; } = true;
}

public sealed record SendMessageRequest
{
    [JsonPropertyName("chat_id")] public long ChatId { get; init; }
    /// <summary>HTML; every piece of user-provided text in it must already be escaped.</summary>
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("parse_mode")] public string ParseMode { get; init; } = "HTML";
    [JsonPropertyName("link_preview_options")] public LinkPreviewOptions? LinkPreviewOptions { get; init; } = new();
    [JsonPropertyName("reply_markup")] public ReplyMarkup? ReplyMarkup { get; init; }
}

public sealed record EditMessageTextRequest
{
    [JsonPropertyName("chat_id")] public long ChatId { get; init; }
    [JsonPropertyName("message_id")] public int MessageId { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("parse_mode")] public string ParseMode { get; init; } = "HTML";
    [JsonPropertyName("link_preview_options")] public LinkPreviewOptions? LinkPreviewOptions { get; init; } = new();
    [JsonPropertyName("reply_markup")] public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}

public sealed record EditMessageReplyMarkupRequest
{
    [JsonPropertyName("chat_id")] public long ChatId { get; init; }
    [JsonPropertyName("message_id")] public int MessageId { get; init; }
    [JsonPropertyName("reply_markup")] public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}

public sealed record AnswerCallbackQueryRequest
{
    [JsonPropertyName("callback_query_id")] public string CallbackQueryId { get; init; } = "";
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("show_alert")] public bool ShowAlert { get; init; }
}

/// <summary>A document uploaded as multipart/form-data.</summary>
public sealed record SendDocumentRequest
{
    public long ChatId { get; init; }
    public string FileName { get; init; } = "file";
    public byte[] Content { get; init; } = [];
    public string? Caption { get; init; }
    public string ContentType { get; init; } = "application/octet-stream";
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}

/// <summary>A picture (PNG or JPEG) uploaded as multipart/form-data; Telegram shows it inline, unlike a document.</summary>
public sealed record SendPhotoRequest
{
    public long ChatId { get; init; }
    public string FileName { get; init; } = "photo.png";
    public byte[] Content { get; init; } = [];
    public string? Caption { get; init; }
    public string ContentType { get; init; } = "image/png";
}

public sealed record SetWebhookRequest
{
    [JsonPropertyName("url")] public string Url { get; init; } = "";
    [JsonPropertyName("secret_token")] public string? SecretToken { get; init; }
    [JsonPropertyName("allowed_updates")] public IReadOnlyList<string>? AllowedUpdates { get; init; }
    [JsonPropertyName("drop_pending_updates")] public bool DropPendingUpdates { get; init; }
    [JsonPropertyName("max_connections")] public int? MaxConnections { get; init; }
}
