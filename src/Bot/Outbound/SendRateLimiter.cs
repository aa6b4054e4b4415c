using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// Keeps our own sending inside Telegram's limits: at most N calls in any window of a second overall, and one new
/// message per chat per 1/rate seconds. Each window carries a small margin, so jitter on the way never makes a burst
/// of ours arrive faster than allowed. Calls held up for longer than the margin are covered too: at most N calls are
/// unanswered or answered within the bare window, so Telegram, which saw each call before we had its answer, never
/// counts more than N in its own window.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly int _globalLimit;
    private readonly TimeSpan _globalWindow;
    private readonly TimeSpan _answeredWindow;
    private readonly TimeSpan _perChatInterval;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Queue<DateTimeOffset> _answered = new();
    private readonly Dictionary<long, DateTimeOffset> _chatNextAllowed = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _unanswered;

    public SendRateLimiter(IOptions<OutboundOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var margin = TimeSpan.FromMilliseconds(settings.RateMarginMilliseconds);
        _clock = clock;
        // A fractional rate such as 0.5/s becomes one call per two-second window.
        var rate = settings.GlobalMessagesPerSecond;
        _globalLimit = rate >= 1 ? (int)Math.Floor(rate) : 1;
        _answeredWindow = rate >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / Math.Max(rate, 0.001));
        _globalWindow = _answeredWindow + margin;
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
            while (_answered.Count > 0 && now - _answered.Peek() >= _answeredWindow)
            {
                _answered.Dequeue();
            }
            if (_answered.Count + _unanswered >= _globalLimit)
            {
                // When every slot is unanswered, the next answer frees one; a window is the longest that can take.
                return _answered.Count > 0 ? _answered.Peek() + _answeredWindow - now : _answeredWindow;
            }
            if (countsTowardsChat && _chatNextAllowed.TryGetValue(chatId, out var next) && next > now)
            {
                return next - now;
            }
            _recent.Enqueue(now);
            _unanswered++;
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

    /// <summary>The call taken by <see cref="TryAcquire"/> was answered, or failed: its slot now counts from here.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _unanswered--;
            _answered.Enqueue(_clock.GetUtcNow());
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
