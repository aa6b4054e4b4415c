using Telegram.Bot.Types;

namespace MentorBot.Bot.Tests.Fakes;

public sealed record FakeBotApiOptions
{
    /// <summary>In BotFather's shape, so that a leak check looks for something realistic.</summary>
    public string Token { get; init; } = "7000001:fake-token-for-the-tests_q9Zx";

    /// <summary>What getMe answers, and the sender of every message the bot delivers.</summary>
    public User Bot { get; init; } = new() { Id = 7000000001, IsBot = true, FirstName = "MentorBot", Username = "mentorbot_test_bot" };

    /// <summary>Telegram's flood limits on sending; null lets every message through.</summary>
    public FakeRateLimits? RateLimits { get; init; }

    /// <summary>Faults drawn at random, from a seed, for calls that have no scripted answer; null injects none.</summary>
    public RandomFaults? RandomFaults { get; init; }

    /// <summary>
    /// How long every answer takes to come back, as over a real network. A call is handled, and counted against the
    /// flood limits, when it arrives, as Telegram counts it; only the answer waits.
    /// </summary>
    public TimeSpan AnswerLatency { get; init; }

    /// <summary>Stamps records and runs the rate-limit windows; long polls and scripted delays use real time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// At most <paramref name="Overall"/> messages (sendMessage, sendDocument) per <see cref="Window"/> across all chats
/// and <paramref name="PerChat"/> per chat; one more gets 429 with retry_after, counted in RateLimitedCount.
/// </summary>
public sealed record FakeRateLimits(int Overall = 30, int PerChat = 1)
{
    /// <summary>A shorter window scales both limits down in time, so a test can exercise them quickly.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);
}
