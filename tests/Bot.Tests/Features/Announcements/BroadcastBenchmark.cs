using System.Globalization;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Features.Announcements;

/// <summary>A benchmark: skipped unless MENTORBOT_BENCH=1, so the default <c>dotnet test</c> never spends minutes on it.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MENTORBOT_BENCH") != "1")
        {
            Skip = "A benchmark; run it with MENTORBOT_BENCH=1 (see docs/benchmarks.md).";
        }
    }
}

/// <summary>
/// Broadcast throughput at Telegram's real limits: 10,000 recipients, a fake Bot API on loopback that allows 30
/// messages a second overall and 1 per chat, and the bot with its production outbound settings. About six minutes.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class BroadcastBenchmark(ITestOutputHelper output)
{
    private const int Recipients = 10_000;
    private const long First = 300_000;
    private const string Title = "Форум десяти тысяч";

    [BenchmarkFact]
    public async Task Ten_thousand_recipients_at_30_messages_a_second()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RateLimits = new FakeRateLimits(Overall: 30, PerChat: 1) });
        await using var bot = await LiveBot.StartAsync(api, settings =>
        {
            // appsettings.json's own values, which the test base configuration loosens.
            settings["Outbound:GlobalMessagesPerSecond"] = "30";
            settings["Outbound:PerChatMessagesPerSecond"] = "1";
            settings["Outbound:MaxParallelSends"] = "8";
            settings["Outbound:IdlePollMilliseconds"] = "1000";
        });
        await LiveBroadcast.SeedAsync(bot, First, Recipients);

        await LiveBroadcast.AnnounceAsync(api, Title, TimeSpan.FromSeconds(30));
        var report = await api.WaitForDeliveryAsync(
            m => m.ChatId == LiveBroadcast.Coordinator && m.VisibleText!.StartsWith("✅", StringComparison.Ordinal), TimeSpan.FromMinutes(10));

        var sends = api.Delivered
            .Where(m => m.Method == "sendMessage" && m.ChatId != LiveBroadcast.Coordinator && m.VisibleText!.Contains(Title, StringComparison.Ordinal))
            .Select(m => m.At).Order().ToList();
        var span = sends[^1] - sends[0];
        var overall = (sends.Count - 1) / span.TotalSeconds;
        // Rates over whole ten-second windows from the first send; the last, partial one is left out.
        var windows = sends.GroupBy(at => (int)((at - sends[0]).TotalSeconds / 10)).Where(g => g.Key < (int)(span.TotalSeconds / 10))
            .Select(g => g.Count() / 10.0).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sends.Count} messages in {span.TotalSeconds:F1} s: {overall:F2} messages/s overall; over 10-s windows median {windows[windows.Count / 2]:F1}, slowest {windows[0]:F1}, fastest {windows[^1]:F1}; 429 from the fake's limits: {api.RateLimitedCount}; {Environment.ProcessorCount} cores"));

        Assert.Equal(Recipients, sends.Count);
        Assert.Equal((Recipients, 0, 0, Recipients), LiveBroadcast.ReportOf(report.VisibleText!));
        Assert.Equal(0, api.RateLimitedCount);
        Assert.True(overall >= 28, $"{overall:F2} messages/s");
    }
}
