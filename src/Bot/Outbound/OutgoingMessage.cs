using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Outbound;

public enum OutgoingKind
{
    Send,
    EditText,
    EditMarkup,
    Delete,
    Document,
    Photo,
}

/// <summary>One Bot API call waiting in the outbox. Text is HTML that is already safe to send.</summary>
public sealed record OutgoingMessage
{
    public OutgoingKind Kind { get; init; }
    public long ChatId { get; init; }
    public string Text { get; init; } = "";
    /// <summary>The message to edit or delete.</summary>
    public int? MessageId { get; init; }
    [JsonConverter(typeof(BotApiJson<InlineKeyboardMarkup>))]
    public InlineKeyboardMarkup? InlineKeyboard { get; init; }
    public string? FileName { get; init; }
    public byte[]? FileContent { get; init; }

    /// <summary>
    /// Bulk work no one is waiting on (a keyboard's update after a press): it goes after the replies to what people
    /// just did, and a newer edit of the same message replaces it while it waits.
    /// </summary>
    public bool IsBulk { get; init; }

    /// <summary>Telegram's one-message-a-second-per-chat limit applies to new messages, not to edits.</summary>
    [JsonIgnore]
    public bool CountsTowardsChatLimit => Kind is OutgoingKind.Send or OutgoingKind.Document or OutgoingKind.Photo;

    [JsonIgnore]
    public bool IsEdit => Kind is OutgoingKind.EditText or OutgoingKind.EditMarkup;
}

/// <summary>
/// A Telegram.Bot object inside an outbox row, written and read as the library does (<see cref="JsonBotAPI.Options"/>):
/// its types rely on that naming policy and those converters, and read back wrong without them. The Bot API's own
/// field names make rows written before the library readable too.
/// </summary>
internal sealed class BotApiJson<T> : JsonConverter<T> where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<T>(ref reader, JsonBotAPI.Options);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, JsonBotAPI.Options);
}
