using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Bot.Tests.Support;

/// <summary>The tests' clocks: a <see cref="FakeTimeProvider"/> that the test moves by hand, from one fixed start.</summary>
public static class TestClock
{
    /// <summary>A Monday morning in Moscow's working day, so that quiet hours and weekly jobs start from a known place.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(DefaultStart);
}
