using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Announcements;

/// <summary>Broadcasts through the real outbox and sender to a fake Bot API that enforces Telegram's limits.</summary>
public sealed class BroadcastDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// High limits on both sides keep the test fast; the bot's own stay under the fake's, as 30/s stays under Telegram's.
    /// The benchmark runs the real 30/s.
    /// </summary>
    private static void FastLimits(IDictionary<string, string?> settings, int perSecond)
    {
        settings["Outbound:GlobalMessagesPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Outbound:PerChatMessagesPerSecond"] = "4";
        settings["Outbound:MaxParallelSends"] = "8";
        settings["Announcements:TickInterval"] = "00:00:00.200";
        settings["Announcements:ProgressEditInterval"] = "00:00:00.500";
    }

    [Fact]
    public async Task Five_thousand_recipients_get_one_message_each_within_the_limits_and_the_report_counts_exactly()
    {
        const int recipients = 5000;
        const long first = 100_000;
        const string title = "Форум пяти тысяч";
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RateLimits = new FakeRateLimits(Overall: 1000, PerChat: 5) });
        await using var bot = await LiveBot.StartAsync(api, settings => FastLimits(settings, 900));
        await LiveBroadcast.SeedAsync(bot, first, recipients);
        var blockedBefore = Enumerable.Range(0, 50).Select(i => first + 100 * i).ToHashSet();
        var blockingNow = Enumerable.Range(0, 100).Select(i => first + 7 + 50 * i).ToHashSet();
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            foreach (var chat in blockedBefore)
            {
                await scope.ServiceProvider.GetRequiredService<ChatRepository>().MarkBlockedAsync(chat, TimeProvider.System.GetUtcNow());
            }
        }
        foreach (var chat in blockedBefore.Concat(blockingNow))
        {
            api.BlockChat(chat);
        }

        await LiveBroadcast.AnnounceAsync(api, title, Patience);
        // Every sendMessage from here on is the broadcast's, until the report.
        api.Script("sendMessage",
        [
            .. Enumerable.Repeat(ScriptedResponse.Normal, 200), ScriptedResponse.TooManyRequests(1),
            .. Enumerable.Repeat(ScriptedResponse.Normal, 700), ScriptedResponse.ChatNotFound(),
            .. Enumerable.Repeat(ScriptedResponse.Normal, 1000), ScriptedResponse.TooManyRequests(1), ScriptedResponse.ChatNotFound(),
            .. Enumerable.Repeat(ScriptedResponse.Normal, 300), ScriptedResponse.ChatNotFound(),
        ]);
        var report = await api.WaitForDeliveryAsync(m => m.ChatId == LiveBroadcast.Coordinator && m.VisibleText!.StartsWith("✅", StringComparison.Ordinal), Patience);

        var deliveries = LiveBroadcast.DeliveriesByChat(api, title);
        var active = Enumerable.Range(0, recipients).Select(i => first + i).Where(u => !blockedBefore.Contains(u) && !blockingNow.Contains(u)).ToList();
        Assert.DoesNotContain(deliveries.Keys, c => blockedBefore.Contains(c) || blockingNow.Contains(c));
        Assert.All(deliveries.Values, count => Assert.Equal(1, count));
        var failed = active.Where(u => !deliveries.ContainsKey(u)).ToList();
        Assert.Equal(3, failed.Count);
        Assert.Equal((recipients - 150 - 3, 150, 3, recipients), LiveBroadcast.ReportOf(report.VisibleText!));
        Assert.Equal(0, api.RateLimitedCount);

        var progress = api.VisibleMessages(LiveBroadcast.Coordinator).Single(m => m.VisibleText!.StartsWith("📤", StringComparison.Ordinal));
        Assert.Equal($"📤 Рассылка «{title}»: отправлено {AnnouncementScript.Number(recipients)} из {AnnouncementScript.Number(recipients)}. Готово.", progress.VisibleText);
        Assert.Contains(api.Delivered, m => m.Method == "editMessageText" && m.MessageId == progress.MessageId && !m.VisibleText!.Contains("Готово", StringComparison.Ordinal)
            && !m.VisibleText.Contains("отправлено 0 из", StringComparison.Ordinal));
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            Assert.Equal((4847L, 150L, 3L), (await db.QueryAsync<(long, long, long)>("SELECT delivered, blocked, failed FROM announcements")).Single());
            Assert.Equal(150L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM chats WHERE is_blocked = 1"));
        }
    }

    [Fact]
    public async Task A_broadcast_stopped_mid_way_resumes_after_a_restart_and_nobody_gets_it_twice_beyond_the_calls_in_flight()
    {
        const int recipients = 1200;
        const int maxParallelSends = 8;
        const long first = 200_000;
        const string title = "Форум после перезапуска";
        var database = Path.Combine(Path.GetTempPath(), $"mentorbot-live-{Guid.NewGuid():N}.db");
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RateLimits = new FakeRateLimits(Overall: 200, PerChat: 5) });
        try
        {
            var bot = await LiveBot.StartAsync(api, settings => FastLimits(settings, 150), databasePath: database);
            await LiveBroadcast.SeedAsync(bot, first, recipients);
            await LiveBroadcast.AnnounceAsync(api, title, Patience);
            await api.WaitUntilAsync(a => LiveBroadcast.DeliveriesByChat(a, title).Count >= 300, Patience);

            await bot.DisposeAsync();
            var beforeRestart = LiveBroadcast.DeliveriesByChat(api, title).Count;
            Assert.InRange(beforeRestart, 300, recipients - 100);
            // The fake counts the old process's last second too, which a new process cannot know; a real restart takes
            // longer than that, and without the pause a quick one on a busy machine drew a few 429s.
            await Task.Delay(TimeSpan.FromSeconds(1.1));
            await using var restarted = await LiveBot.StartAsync(api, settings => FastLimits(settings, 150), databasePath: database);
            var report = await api.WaitForDeliveryAsync(m => m.ChatId == LiveBroadcast.Coordinator && m.VisibleText!.StartsWith("✅", StringComparison.Ordinal), Patience);

            var deliveries = LiveBroadcast.DeliveriesByChat(api, title);
            Assert.Equal(Enumerable.Range(0, recipients).Select(i => first + i), deliveries.Keys.Order());
            Assert.All(deliveries.Values, count => Assert.InRange(count, 1, 2));
            Assert.InRange(deliveries.Values.Count(count => count == 2), 0, maxParallelSends);
            Assert.Equal((recipients, 0, 0, recipients), LiveBroadcast.ReportOf(report.VisibleText!));
            Assert.Equal(0, api.RateLimitedCount);
        }
        finally
        {
            SqliteTestDatabase.DeleteFiles(database);
        }
    }
}
