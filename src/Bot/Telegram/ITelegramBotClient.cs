namespace MentorBot.Bot.Telegram;

/// <summary>
/// The narrow Bot API surface MentorBot uses. Every method throws <see cref="TelegramApiException"/> when
/// Telegram answers ok=false, and <see cref="TelegramTransportException"/> when no usable answer came back.
/// </summary>
public interface ITelegramBotClient
{
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Update>> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns the sent message, or null when the server answered a bare true/null.</summary>
    Task<Message?> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

    Task<Message?> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken cancellationToken = default);

    Task<Message?> EditMessageReplyMarkupAsync(EditMessageReplyMarkupRequest request, CancellationToken cancellationToken = default);

    Task AnswerCallbackQueryAsync(AnswerCallbackQueryRequest request, CancellationToken cancellationToken = default);

    Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default);

    Task<Message?> SendDocumentAsync(SendDocumentRequest request, CancellationToken cancellationToken = default);

    Task<Message?> SendPhotoAsync(SendPhotoRequest request, CancellationToken cancellationToken = default);
    /// <summary>
    /// The content of a file a person sent (getFile, then the file's download URL). Throws
    /// <see cref="TelegramFileTooLargeException"/> rather than reading more than <paramref name="maxBytes"/>.
    /// </summary>
    Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default);

    Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default);

    Task SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default);

    Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default);
}
