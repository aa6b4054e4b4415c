using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Writes a <see cref="ReplyMarkup"/> as its runtime kind. The Bot API tells the kinds apart by their fields,
/// so a "$type" discriminator would be sent to Telegram as garbage; reading goes by the same fields.
/// </summary>
public sealed class ReplyMarkupJsonConverter : JsonConverter<ReplyMarkup>
{
    public override ReplyMarkup? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("reply_markup must be a JSON object.");
        }

        Type kind =
            root.TryGetProperty("inline_keyboard", out _) ? typeof(InlineKeyboardMarkup)
            : root.TryGetProperty("keyboard", out _) ? typeof(ReplyKeyboardMarkup)
            : root.TryGetProperty("remove_keyboard", out _) ? typeof(ReplyKeyboardRemove)
            : throw new JsonException("reply_markup is none of inline_keyboard, keyboard or remove_keyboard.");
        return (ReplyMarkup?)root.Deserialize(options.GetTypeInfo(kind));
    }

    public override void Write(Utf8JsonWriter writer, ReplyMarkup value, JsonSerializerOptions options) =>
        // The type info of the concrete kind comes from the same (source-generated) resolver, so this stays
        // reflection-free; this converter only handles the abstract type, so there is no recursion.
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
}
