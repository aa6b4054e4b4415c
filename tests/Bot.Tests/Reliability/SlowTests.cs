namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// Tests too slow for the default run (many seeds, a minute-long outage). They are skipped, not failed, unless
/// MENTORBOT_SLOW=1; each also carries the trait Category=Slow, so that
/// <c>MENTORBOT_SLOW=1 dotnet test tests/Bot.Tests --filter Category=Slow</c> runs exactly them.
/// </summary>
public static class SlowTests
{
    public const string Variable = "MENTORBOT_SLOW";
    public const string Category = "Slow";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    internal const string SkipReason = $"slow: {Variable}=1 dotnet test tests/Bot.Tests --filter Category=Slow";

    /// <summary>Seeds 1 to <paramref name="count"/>, one test case each, so a failing seed is named in the results.</summary>
    public static TheoryData<int> Seeds(int count)
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= count; seed++)
        {
            seeds.Add(seed);
        }
        return seeds;
    }
}

/// <summary>A <see cref="FactAttribute"/> that runs only with MENTORBOT_SLOW=1; see <see cref="SlowTests"/>.</summary>
public sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (!SlowTests.Enabled)
        {
            Skip = SlowTests.SkipReason;
        }
    }
}

/// <summary>A <see cref="TheoryAttribute"/> that runs only with MENTORBOT_SLOW=1; see <see cref="SlowTests"/>.</summary>
public sealed class SlowTheoryAttribute : TheoryAttribute
{
    public SlowTheoryAttribute()
    {
        if (!SlowTests.Enabled)
        {
            Skip = SlowTests.SkipReason;
        }
    }
}
