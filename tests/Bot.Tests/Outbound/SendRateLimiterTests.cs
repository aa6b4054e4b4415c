using Microsoft.Extensions.Time.Testing;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Tests.Outbound;

public sealed class SendRateLimiterTests
{
    private static SendRateLimiter Limiter(FakeTimeProvider clock, double perSecond = 30, int marginMs = 50) =>
        new(Options.Create(new OutboundOptions { GlobalMessagesPerSecond = perSecond, PerChatMessagesPerSecond = 1, RateMarginMilliseconds = marginMs }), clock);

    /// <summary>Asks for a slot every millisecond of the fake clock for <paramref name="span"/>, each for a new chat; the send times.</summary>
    private static List<DateTimeOffset> SendGreedily(SendRateLimiter limiter, FakeTimeProvider clock, TimeSpan span)
    {
        var sent = new List<DateTimeOffset>();
        var end = clock.GetUtcNow() + span;
        var chat = 1L;
        while (clock.GetUtcNow() < end)
        {
            if (!limiter.TryAcquire(chat, countsTowardsChat: true).MustWait)
            {
                sent.Add(clock.GetUtcNow());
                chat++;
                continue;
            }
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        return sent;
    }

    [Fact]
    public void No_window_of_a_second_and_the_margin_holds_more_than_thirty_calls_yet_the_rate_is_not_paid_in_round_trips()
    {
        var clock = TestClock.Create();
        var limiter = Limiter(clock);

        var sent = SendGreedily(limiter, clock, TimeSpan.FromSeconds(20));

        var window = TimeSpan.FromMilliseconds(1050);
        var busiest = sent.Select((at, i) => sent.Skip(i).TakeWhile(t => t - at < window).Count()).Max();
        Assert.True(busiest <= 30, $"{busiest} calls in one window");
        // Counted from when each call is made, not held until answered: nothing here ever answered, yet 20 s carried
        // the full 30 per 1.05 s.
        Assert.InRange(sent.Count, 560, 575);
    }

    [Fact]
    public void Calls_are_paced_rather_than_sent_thirty_at_once()
    {
        var clock = TestClock.Create();
        var limiter = Limiter(clock);

        var sent = SendGreedily(limiter, clock, TimeSpan.FromSeconds(5));

        var busiestTenth = sent.Select((at, i) => sent.Skip(i).TakeWhile(t => t - at < TimeSpan.FromMilliseconds(100)).Count()).Max();
        Assert.True(busiestTenth <= 6, $"{busiestTenth} calls within 100 ms");
    }

    [Fact]
    public void A_chat_waits_a_second_and_the_margin_for_its_next_message_but_not_for_an_edit()
    {
        var clock = TestClock.Create();
        var limiter = Limiter(clock);

        Assert.False(limiter.TryAcquire(7, countsTowardsChat: true).MustWait);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var wait = limiter.TryAcquire(7, countsTowardsChat: true);

        Assert.Equal(new RateWait(TimeSpan.FromMilliseconds(950), IsGlobal: false), wait);
        Assert.False(limiter.TryAcquire(7, countsTowardsChat: false).MustWait);
    }

    [Fact]
    public void After_a_429_nobody_is_sent_anything_until_its_retry_after_has_passed()
    {
        var clock = TestClock.Create();
        var limiter = Limiter(clock);

        limiter.PauseFor(TimeSpan.FromSeconds(3));

        Assert.Equal(new RateWait(TimeSpan.FromSeconds(3), IsGlobal: true), limiter.TryAcquire(1, countsTowardsChat: false));
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(limiter.TryAcquire(1, countsTowardsChat: false).MustWait);
    }
}
