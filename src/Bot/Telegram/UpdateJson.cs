using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace MentorBot.Bot.Telegram;

/// <summary>Reads an update as Telegram.Bot's model does, telling a body it cannot take from any other failure.</summary>
public static class UpdateJson
{
    /// <summary>The update, or null when the model cannot take it: bad JSON, or a value out of its range or type.</summary>
    public static Update? TryRead(JsonElement element)
    {
        try
        {
            return element.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (Exception error) when (IsUnreadable(error))
        {
            return null;
        }
    }

    /// <summary>The update as the library writes it, for <see cref="Read"/> to take back.</summary>
    public static string Write(Update update) => JsonSerializer.Serialize(update, JsonBotAPI.Options);

    /// <summary>An update saved by <see cref="Write"/>; with its id only should the model no longer take it.</summary>
    public static Update Read(long updateId, string body)
    {
        using var document = JsonDocument.Parse(body);
        return TryRead(document.RootElement) ?? new Update { Id = checked((int)updateId) };
    }

    /// <summary>
    /// The library's converters throw many kinds on a body they cannot take: a missing discriminator comes out as
    /// KeyNotFoundException, a date past DateTime's range as ArgumentOutOfRangeException. Reading a parsed element does
    /// no I/O, so any of them means the update is unreadable.
    /// </summary>
    public static bool IsUnreadable(Exception error) => error is not (OutOfMemoryException or OperationCanceledException);
}
