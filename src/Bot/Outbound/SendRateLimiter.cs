using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// Keeps our own sending inside Telegram's limits: at most N calls in any window of a second overall, and one new
/// message per chat per 1/rate seconds. Each window carries a small margin, so jitter on the way never makes a burst
/// of ours arrive faster than allowed.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly int _globalLimit;
    private readonly TimeSpan _globalWindow;
    private readonly TimeSpan _perChatInterval;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, DateTimeOffset> _chatNextAllowed = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public SendRateLimiter(IOptions<OutboundOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var margin = TimeSpan.FromMilliseconds(settings.RateMarginMilliseconds);
        _clock = clock;
        // A fractional rate such as 0.5/s becomes one call per two-second window.
        var rate = settings.GlobalMessagesPerSecond;
        _globalLimit = rate >= 1 ? (int)Math.Floor(rate) : 1;
        _globalWindow = (rate >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / Math.Max(rate, 0.001))) + margin;
        _perChatInterval = settings.PerChatMessagesPerSecond <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(1 / settings.PerChatMessagesPerSecond) + margin;
    }

    /// <summary>
    /// Takes a slot for a call to <paramref name="chatId"/> if one is free now; otherwise returns how long to wait.
    /// </summary>
    public TimeSpan TryAcquire(long chatId, bool countsTowardsChat)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_pausedUntil > now)
            {
                return _pausedUntil - now;
            }
            while (_recent.Count > 0 && now - _recent.Peek() >= _globalWindow)
            {
                _recent.Dequeue();
            }
            if (_recent.Count >= _globalLimit)
            {
                return _recent.Peek() + _globalWindow - now;
            }
            if (countsTowardsChat && _chatNextAllowed.TryGetValue(chatId, out var next) && next > now)
            {
                return next - now;
            }
            _recent.Enqueue(now);
            if (countsTowardsChat && _perChatInterval > TimeSpan.Zero)
            {
                _chatNextAllowed[chatId] = now + _perChatInterval;
                if (_chatNextAllowed.Count > 10_000)
                {
                    ForgetExpiredChats(now);
                }
            }
            return TimeSpan.Zero;
        }
    }

    /// <summary>Telegram said 429: nothing is sent to anyone until the retry_after has passed.</summary>
    public void PauseFor(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = _clock.GetUtcNow() + delay;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private void ForgetExpiredChats(DateTimeOffset now)
    {
        foreach (var chat in _chatNextAllowed.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
        {
            _chatNextAllowed.Remove(chat);
        }
    }
}
