using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Outbound;

/// <summary>How long a call must wait for its slot, and whether the wait is everyone's or only its chat's.</summary>
public readonly record struct RateWait(TimeSpan Wait, bool IsGlobal)
{
    public static RateWait None => default;

    public bool MustWait => Wait > TimeSpan.Zero;
}

/// <summary>
/// Keeps our own sending inside Telegram's limits: at most N calls in any window of a second overall, and one new
/// message per chat per 1/rate seconds. Telegram counts a call when it arrives, and a call arrives after we make it,
/// so each call is counted from the moment it is made, in windows that carry a small margin: the jitter on the way
/// would have to exceed the margin for two of our calls that we spaced a window apart to land in one of Telegram's.
/// The round trip is not paid: a slot does not wait for the answer. The calls are also paced evenly (a token bucket
/// at N per window, holding a few tokens), rather than made N at once at the start of each window, so a call held
/// up on the way meets a steady stream, not a full window, and a reply waiting behind bulk work gets the next token
/// instead of the next window.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly int _globalLimit;
    private readonly TimeSpan _globalWindow;
    private readonly TimeSpan _perChatInterval;
    private readonly double _tokensPerSecond;
    private readonly double _bucketSize;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<long, DateTimeOffset> _chatNextAllowed = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private double _tokens;
    private DateTimeOffset _tokensAt;

    public SendRateLimiter(IOptions<OutboundOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var margin = TimeSpan.FromMilliseconds(settings.RateMarginMilliseconds);
        _clock = clock;
        // A fractional rate such as 0.5/s becomes one call per two-second window.
        var rate = settings.GlobalMessagesPerSecond;
        _globalLimit = rate >= 1 ? (int)Math.Floor(rate) : 1;
        _globalWindow = (rate >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / Math.Max(rate, 0.001))) + margin;
        _tokensPerSecond = _globalLimit / _globalWindow.TotalSeconds;
        _bucketSize = Math.Max(1, _globalLimit / 10);
        _tokens = _bucketSize;
        _tokensAt = clock.GetUtcNow();
        _perChatInterval = settings.PerChatMessagesPerSecond <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(1 / settings.PerChatMessagesPerSecond) + margin;
    }

    /// <summary>
    /// Takes a slot for a call to <paramref name="chatId"/> if one is free now; otherwise says how long to wait, and
    /// whether every chat waits (the overall budget, a 429) or only this one (its one message a second).
    /// </summary>
    public RateWait TryAcquire(long chatId, bool countsTowardsChat)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_pausedUntil > now)
            {
                return new RateWait(_pausedUntil - now, IsGlobal: true);
            }
            while (_recent.Count > 0 && now - _recent.Peek() >= _globalWindow)
            {
                _recent.Dequeue();
            }
            if (_recent.Count >= _globalLimit)
            {
                return new RateWait(_recent.Peek() + _globalWindow - now, IsGlobal: true);
            }
            Refill(now);
            if (_tokens < 1)
            {
                // Never a zero wait for a slot not taken: a fraction of a tick would round to "go now".
                var untilToken = TimeSpan.FromSeconds((1 - _tokens) / _tokensPerSecond);
                return new RateWait(untilToken < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : untilToken, IsGlobal: true);
            }
            if (countsTowardsChat && _chatNextAllowed.TryGetValue(chatId, out var next) && next > now)
            {
                return new RateWait(next - now, IsGlobal: false);
            }
            _recent.Enqueue(now);
            _tokens -= 1;
            if (countsTowardsChat && _perChatInterval > TimeSpan.Zero)
            {
                _chatNextAllowed[chatId] = now + _perChatInterval;
                if (_chatNextAllowed.Count > 10_000)
                {
                    ForgetExpiredChats(now);
                }
            }
            return RateWait.None;
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

    private void Refill(DateTimeOffset now)
    {
        if (now > _tokensAt)
        {
            _tokens = Math.Min(_bucketSize, _tokens + (now - _tokensAt).TotalSeconds * _tokensPerSecond);
            _tokensAt = now;
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
