namespace MentorBot.Bot.Outbound;

/// <summary>The "Outbound" section: Telegram's sending limits and the retry policy.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>Messages a second across all chats; Telegram allows about 30.</summary>
    public double GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Messages a second in one chat; Telegram allows about 1.</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>
    /// Bot API calls in flight at once, each to a different chat. The rate is at most this many per round trip, so
    /// 16 keeps 30 a second up to half a second of Bot API latency.
    /// </summary>
    public int MaxParallelSends { get; set; } = 16;

    /// <summary>Slack added to every rate window, so network jitter never makes our own bursts look too fast.</summary>
    public int RateMarginMilliseconds { get; set; } = 50;

    public int MaxAttempts { get; set; } = 15;

    public int MaxBackoffSeconds { get; set; } = 30;

    /// <summary>
    /// How often the sender reads the outbox although nothing signalled: rows this process commits reach the sender in
    /// memory, so this poll only recovers what nothing announced (rows left by a crash or by a job of an older version).
    /// </summary>
    public int IdlePollMilliseconds { get; set; } = 30_000;

    /// <summary>
    /// With several instances on one PostgreSQL, how often the primary reads the outbox for the rows the other instances
    /// wrote: their replies wait up to this long (plus the usual sending) before they go out.
    /// </summary>
    public int OtherInstancesPollMilliseconds { get; set; } = 1000;

    /// <summary>Telegram's limit on a message's length.</summary>
    public int MaxMessageLength { get; set; } = 4096;
}
