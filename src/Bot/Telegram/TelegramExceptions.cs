namespace MentorBot.Bot.Telegram;

/// <summary>Telegram answered ok=false. The message never contains the bot token.</summary>
public sealed class TelegramApiException(string method, int errorCode, string description, int? retryAfterSeconds, long? migrateToChatId = null)
    : Exception($"Bot API {method} failed: {errorCode} {description}")
{
    public string Method { get; } = method;
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    /// <summary>Seconds to wait before retrying, set on 429.</summary>
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;
    /// <summary>Set when a group became a supergroup: the chat id to use from now on.</summary>
    public long? MigrateToChatId { get; } = migrateToChatId;

    public bool IsTooManyRequests => ErrorCode == 429;
    /// <summary>403: the user blocked the bot or deleted their account.</summary>
    public bool IsForbidden => ErrorCode == 403;
    public bool IsServerError => ErrorCode >= 500;
    public bool IsMessageNotModified => ErrorCode == 400 && Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
}

/// <summary>No usable answer: a timeout, a dropped connection or a body that is not the Bot API's JSON.</summary>
public sealed class TelegramTransportException(string method, string reason, Exception? inner = null)
    : Exception($"Bot API {method} failed: {reason}", inner)
{
    public string Method { get; } = method;
}

/// <summary>A file to download is larger than the caller accepts; nothing beyond the limit was read.</summary>
public sealed class TelegramFileTooLargeException(long maxBytes)
    : Exception($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
