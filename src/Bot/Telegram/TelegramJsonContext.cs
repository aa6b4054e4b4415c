using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Source-generated JSON metadata for every Bot API shape MentorBot reads or writes. Unknown fields are
/// skipped, because Telegram adds fields to its objects in every Bot API release.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    Converters = [typeof(ReplyMarkupJsonConverter)])]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(Update[]))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(TelegramFile))]
[JsonSerializable(typeof(GetFileRequest))]
[JsonSerializable(typeof(WebhookInfo))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(EditMessageTextRequest))]
[JsonSerializable(typeof(EditMessageReplyMarkupRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(DeleteMessageRequest))]
[JsonSerializable(typeof(SetMyCommandsRequest))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(DeleteWebhookRequest))]
[JsonSerializable(typeof(ReplyMarkup))]
[JsonSerializable(typeof(InlineKeyboardMarkup))]
[JsonSerializable(typeof(ReplyKeyboardMarkup))]
[JsonSerializable(typeof(ReplyKeyboardRemove))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;

// Wire-only shapes: the envelope of every answer, and the bodies of methods whose interface takes plain arguments.

/// <summary>{ok, result, error_code, description, parameters}. Ok stays null when the body is some other JSON.</summary>
internal sealed record ApiResponse
{
    [JsonPropertyName("ok")] public bool? Ok { get; init; }
    /// <summary>Undefined when absent; read into the method's own result type once ok is known.</summary>
    [JsonPropertyName("result")] public JsonElement Result { get; init; }
    [JsonPropertyName("error_code")] public int? ErrorCode { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("parameters")] public ResponseParameters? Parameters { get; init; }
}

internal sealed record ResponseParameters
{
    [JsonPropertyName("retry_after")] public int? RetryAfter { get; init; }
    [JsonPropertyName("migrate_to_chat_id")] public long? MigrateToChatId { get; init; }
}

internal sealed record DeleteMessageRequest(
    [property: JsonPropertyName("chat_id")] long ChatId,
    [property: JsonPropertyName("message_id")] int MessageId);

internal sealed record SetMyCommandsRequest(
    [property: JsonPropertyName("commands")] IReadOnlyList<BotCommand> Commands);

internal sealed record DeleteWebhookRequest(
    [property: JsonPropertyName("drop_pending_updates")] bool DropPendingUpdates);

internal sealed record GetFileRequest(
    [property: JsonPropertyName("file_id")] string FileId);
