using Telegram.Bot.Types.Enums;

namespace MentorBot.Bot.Telegram;

public enum ReceiveMode
{
    Polling,
    Webhook,
}

/// <summary>The "Telegram" section of appsettings.json.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public const string TelegramApiUrl = "https://api.telegram.org";

    /// <summary>From @BotFather. Empty means the local console chat runs instead of Telegram.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server, scheme, host and port only; point it at a local Bot API server or an emulator.</summary>
    public string ApiBaseUrl { get; set; } = TelegramApiUrl;

    public ReceiveMode Mode { get; set; } = ReceiveMode.Polling;

    /// <summary>Long-poll timeout of getUpdates, in seconds.</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>Seconds an HTTP request may take beyond the long-poll timeout.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>The public HTTPS address Telegram posts updates to, in webhook mode.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; 1-256 of [A-Za-z0-9_-].</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The local path the webhook listens on.</summary>
    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>Where the local web server listens in webhook mode; the reverse proxy forwards to it.</summary>
    public string WebhookListenUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Chats whose updates are handled at the same time.</summary>
    public int MaxConcurrentChats { get; set; } = 2;

    /// <summary>Update kinds MentorBot asks Telegram for.</summary>
    public static IReadOnlyList<UpdateType> AllowedUpdates { get; } = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);
}
