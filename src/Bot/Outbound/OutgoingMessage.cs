using System.Text.Json.Serialization;
using MentorBot.Bot.Telegram;

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
    public InlineKeyboardMarkup? InlineKeyboard { get; init; }
    public ReplyKeyboardMarkup? ReplyKeyboard { get; init; }
    public bool RemoveReplyKeyboard { get; init; }
    public string? FileName { get; init; }
    public byte[]? FileContent { get; init; }
    public string? ContentType { get; init; }

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

    [JsonIgnore]
    public ReplyMarkup? Markup =>
        InlineKeyboard as ReplyMarkup ?? ReplyKeyboard as ReplyMarkup ?? (RemoveReplyKeyboard ? new ReplyKeyboardRemove() : null);
}
