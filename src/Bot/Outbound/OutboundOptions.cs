namespace MentorBot.Bot.Outbound;

/// <summary>The "Outbound" section: Telegram's sending limits and the retry policy.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>Messages a second across all chats; Telegram allows about 30.</summary>
    public double GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Messages a second in one chat; Telegram allows about 1.</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Bot API calls in flight at once, each to a different chat.</summary>
    public int MaxParallelSends { get; set; } = 8;

    /// <summary>Slack added to every rate window, so network jitter never makes our own bursts look too fast.</summary>
    public int RateMarginMilliseconds { get; set; } = 50;

    public int MaxAttempts { get; set; } = 15;

    public int MaxBackoffSeconds { get; set; } = 30;

    /// <summary>How often the outbox is checked when nothing signals new work.</summary>
    public int IdlePollMilliseconds { get; set; } = 1000;

    /// <summary>Telegram's limit on a message's length.</summary>
    public int MaxMessageLength { get; set; } = 4096;
}
