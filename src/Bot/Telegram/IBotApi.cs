using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// The narrow Bot API surface MentorBot uses, in Telegram.Bot's types. Every method throws
/// <see cref="TelegramApiException"/> when Telegram answered ok=false, and <see cref="TelegramTransportException"/> when
/// no usable answer came back. A method that returns a message returns null when Telegram took the call but its answer
/// could not be read: the call happened, so it must not be made again.
/// </summary>
public interface IBotApi
{
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The next batch. An update that cannot be read comes back bare, with its id only, so that it is confirmed and
    /// ignored instead of holding up the rest of the batch.
    /// </summary>
    Task<IReadOnlyList<Update>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken = default);

    /// <summary>Sends HTML, in which every piece of user-provided text is already escaped, without link previews.</summary>
    Task<Message?> SendMessageAsync(long chatId, string html, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    Task<Message?> EditMessageTextAsync(
        long chatId, int messageId, string html, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    Task<Message?> EditMessageReplyMarkupAsync(
        long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    Task AnswerCallbackQueryAsync(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default);

    Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default);

    Task<Message?> SendDocumentAsync(
        long chatId, OutgoingFile document, string? captionHtml = null, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default);

    /// <summary>A picture (PNG or JPEG) that Telegram shows inline, unlike a document.</summary>
    Task<Message?> SendPhotoAsync(long chatId, OutgoingFile photo, string? captionHtml = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The content of a file a person sent (getFile, then the file's download URL). Throws
    /// <see cref="TelegramFileTooLargeException"/> rather than reading more than <paramref name="maxBytes"/>.
    /// </summary>
    Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default);

    Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default);

    Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken = default);

    Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default);
}

/// <summary>A file to upload: Telegram takes its type from the name's extension.</summary>
public sealed record OutgoingFile(string FileName, byte[] Content);
