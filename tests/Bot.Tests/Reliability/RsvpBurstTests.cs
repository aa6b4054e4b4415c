using System.Collections.Concurrent;
using System.Diagnostics;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// An announcement went to 10,000 directors and each presses «Буду» at once, through the real pipeline (one SQLite
/// transaction per press, two chats at a time as configured). Every press is recorded exactly once, even when Telegram
/// delivers some again, every press is answered, and the handling time of each is measured and printed. The time is
/// not asserted, since a shared machine's load would make the test flaky; docs/benchmarks.md records the medians of
/// repeated runs.
/// </summary>
public sealed class RsvpBurstTests(ITestOutputHelper output)
{
    private const int People = 10_000;
    private const long FirstPerson = 1_000_000;

    [Fact]
    public async Task Ten_thousand_presses_within_a_minute_are_each_recorded_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var now = bot.Clock.GetUtcNow();
        long announcement = 0;
        await bot.InScopeAsync(async services =>
        {
            var announcements = services.GetRequiredService<AnnouncementRepository>();
            announcement = await announcements.CreateAsync(new Announcement
            {
                Kind = AnnouncementKind.Forum,
                Title = "Форум",
                StartsAt = now.AddDays(7),
                TimeZone = "Europe/Moscow",
                Place = "ст. Динская",
                Audience = new AnnouncementAudience { Role = AudienceRole.Everyone, Districts = ["dinskoy"] },
                Status = AnnouncementStatus.Sent,
                SendAt = now,
                CreatedAt = now,
            });
            await announcements.AddRecipientsAsync(announcement, [.. Enumerable.Range(0, People).Select(i => FirstPerson + i)], 0);
        });
        var data = CallbackData.Build(RsvpCallback.Prefix, announcement, AnnouncementMessage.Yes);
        var presses = Enumerable.Range(0, People).Select(i => Updates.Callback(FirstPerson + i, data, messageId: 1)).ToList();
        var batches = bot.Services.GetRequiredService<UpdateBatchHandler>();
        var chats = Math.Max(1, bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelegramOptions>>().Value.MaxConcurrentChats);

        var handling = new ConcurrentBag<double>();
        var burst = Stopwatch.StartNew();
        await Parallel.ForEachAsync(presses, new ParallelOptions { MaxDegreeOfParallelism = chats }, async (press, token) =>
        {
            var clock = Stopwatch.StartNew();
            await batches.HandleOneAsync(press, token);
            handling.Add(clock.Elapsed.TotalMilliseconds);
        });
        var elapsed = burst.Elapsed;
        // Telegram redelivers a tenth of them, as after a lost getUpdates answer.
        foreach (var again in presses.Where((_, i) => i % 10 == 0))
        {
            await batches.HandleOneAsync(again, CancellationToken.None);
        }
        await bot.Services.GetRequiredService<CallbackAnswers>().WhenIdleAsync();

        Assert.Equal(People, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM rsvps WHERE announcement_id = @announcement AND answer = 'Yes'", new { announcement }));
        Assert.Equal(People, await bot.ScalarAsync<long>("SELECT COUNT(DISTINCT user_id) FROM rsvps"));
        Assert.Equal(People, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM reminders WHERE kind = 'event.tomorrow'"));
        Assert.Equal(presses.Select(p => p.CallbackQuery!.Id).Order(), bot.Telegram.CallbackAnswers.Select(a => a.CallbackQueryId).Order());

        var sorted = handling.Order().ToList();
        double Percentile(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        output.WriteLine($"rsvp-burst presses={People} chats-at-a-time={chats} seconds={elapsed.TotalSeconds:0.0} per-second={People / elapsed.TotalSeconds:0} "
            + $"median-ms={Percentile(0.5):0.00} p99-ms={Percentile(0.99):0.00} max-ms={sorted[^1]:0.00} redelivered={People / 10} recorded-twice=0");
    }
}
