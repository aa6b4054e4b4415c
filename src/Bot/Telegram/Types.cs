using System.Text.Json.Serialization;

namespace MentorBot.Bot.Telegram;

// The subset of the Bot API objects MentorBot reads. Names follow the Bot API so that a later
// swap to Telegram.Bot stays a local change; unknown fields are ignored by the serializer.

public sealed record Update
{
    [JsonPropertyName("update_id")] public long UpdateId { get; init; }
    [JsonPropertyName("message")] public Message? Message { get; init; }
    [JsonPropertyName("edited_message")] public Message? EditedMessage { get; init; }
    [JsonPropertyName("callback_query")] public CallbackQuery? CallbackQuery { get; init; }
    [JsonPropertyName("my_chat_member")] public ChatMemberUpdated? MyChatMember { get; init; }

    /// <summary>
    /// The chat whose updates must be handled in order; null for kinds we ignore. Null-safe all the way, because the
    /// deserialiser leaves a missing object null despite its type, and this runs before any handler could refuse it.
    /// </summary>
    [JsonIgnore]
    public long? OrderingChatId =>
        Message?.Chat?.Id ?? EditedMessage?.Chat?.Id ?? CallbackQuery?.Message?.Chat?.Id ?? CallbackQuery?.From?.Id ?? MyChatMember?.Chat?.Id;
}

public sealed record User
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("is_bot")] public bool IsBot { get; init; }
    [JsonPropertyName("first_name")] public string FirstName { get; init; } = "";
    [JsonPropertyName("last_name")] public string? LastName { get; init; }
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("language_code")] public string? LanguageCode { get; init; }
}

public sealed record Chat
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("type")] public string Type { get; init; } = "private";
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("username")] public string? Username { get; init; }
}

public sealed record Message
{
    [JsonPropertyName("message_id")] public int MessageId { get; init; }
    [JsonPropertyName("from")] public User? From { get; init; }
    [JsonPropertyName("chat")] public Chat Chat { get; init; } = new();
    /// <summary>Unix time in seconds; read as a long, never as a DateTime.</summary>
    [JsonPropertyName("date")] public long Date { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("caption")] public string? Caption { get; init; }
    [JsonPropertyName("sticker")] public Sticker? Sticker { get; init; }
    [JsonPropertyName("photo")] public IReadOnlyList<PhotoSize>? Photo { get; init; }
    [JsonPropertyName("document")] public Document? Document { get; init; }
    [JsonPropertyName("contact")] public Contact? Contact { get; init; }
    [JsonPropertyName("reply_markup")] public InlineKeyboardMarkup? ReplyMarkup { get; init; }
}

public sealed record Sticker
{
    [JsonPropertyName("file_id")] public string FileId { get; init; } = "";
    [JsonPropertyName("emoji")] public string? Emoji { get; init; }
}

public sealed record PhotoSize
{
    [JsonPropertyName("file_id")] public string FileId { get; init; } = "";
    [JsonPropertyName("width")] public int Width { get; init; }
    [JsonPropertyName("height")] public int Height { get; init; }
}

public sealed record Document
{
    [JsonPropertyName("file_id")] public string FileId { get; init; } = "";
    [JsonPropertyName("file_name")] public string? FileName { get; init; }
    [JsonPropertyName("file_size")] public long? FileSize { get; init; }
}

/// <summary>The answer of getFile: where the file can be downloaded from, for at least an hour.</summary>
public sealed record TelegramFile
{
    [JsonPropertyName("file_id")] public string FileId { get; init; } = "";
    [JsonPropertyName("file_size")] public long? FileSize { get; init; }
    [JsonPropertyName("file_path")] public string? FilePath { get; init; }
}

public sealed record Contact
{
    [JsonPropertyName("phone_number")] public string PhoneNumber { get; init; } = "";
    [JsonPropertyName("first_name")] public string FirstName { get; init; } = "";
    [JsonPropertyName("user_id")] public long? UserId { get; init; }
}

public sealed record CallbackQuery
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("from")] public User From { get; init; } = new();
    [JsonPropertyName("message")] public Message? Message { get; init; }
    [JsonPropertyName("data")] public string? Data { get; init; }
}

public sealed record ChatMemberUpdated
{
    [JsonPropertyName("chat")] public Chat Chat { get; init; } = new();
    [JsonPropertyName("from")] public User From { get; init; } = new();
    [JsonPropertyName("new_chat_member")] public ChatMember NewChatMember { get; init; } = new();
}

public sealed record ChatMember
{
    /// <summary>"member", "kicked" (the user blocked the bot), ...</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
}

public sealed record WebhookInfo
{
    [JsonPropertyName("url")] public string Url { get; init; } = "";
    [JsonPropertyName("pending_update_count")] public int PendingUpdateCount { get; init; }
}

public sealed record BotCommand(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("description")] string Description);

/// <summary>One of the keyboard kinds a message can carry.</summary>
public abstract record ReplyMarkup;

public sealed record InlineKeyboardMarkup(
    [property: JsonPropertyName("inline_keyboard")] IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard) : ReplyMarkup;

public sealed record InlineKeyboardButton
{
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("callback_data")] public string? CallbackData { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }

    public static InlineKeyboardButton WithCallback(string text, string data) => new() { Text = text, CallbackData = data };
    public static InlineKeyboardButton WithUrl(string text, string url) => new() { Text = text, Url = url };
}

public sealed record ReplyKeyboardMarkup(
    [property: JsonPropertyName("keyboard")] IReadOnlyList<IReadOnlyList<KeyboardButton>> Keyboard) : ReplyMarkup
{
    [JsonPropertyName("resize_keyboard")] public bool ResizeKeyboard { get; init; } = true;
    [JsonPropertyName("one_time_keyboard")] public bool OneTimeKeyboard { get; init; }
}

public sealed record KeyboardButton([property: JsonPropertyName("text")] string Text);

public sealed record ReplyKeyboardRemove : ReplyMarkup
{
    [JsonPropertyName("remove_keyboard")] public bool RemoveKeyboard { get; init; } = true;
}
