using MentorBot.Bot.Conversations;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Reliability;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Telegram;

public sealed class PollingReceiverTests
{
    private static void AddEcho(IServiceCollection services, EchoLog log)
    {
        services.AddSingleton(log);
        services.AddCommand<EchoCommand>();
    }

    [Fact]
    public async Task Updates_are_handled_once_and_in_order_within_each_chat()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        long[] chats = [501, 502, 503];
        for (var i = 1; i <= 5; i++)
        {
            foreach (var chat in chats)
            {
                api.EnqueueText(chat, $"/echo {chat}-{i}");
            }
        }
        await using var bot = await LiveBot.StartAsync(api, services: s => AddEcho(s, log));

        await api.WaitUntilAsync(a => chats.All(c => a.DeliveredTo(c).Count == 5), TimeSpan.FromSeconds(20));

        foreach (var chat in chats)
        {
            var expected = Enumerable.Range(1, 5).Select(i => $"{chat}-{i}").ToList();
            Assert.Equal(expected, log.Handled.Where(h => h.ChatId == chat).Select(h => h.Text).ToList());
            Assert.Equal(expected, api.DeliveredTo(chat).Select(m => m.VisibleText ?? "").ToList());
        }
        Assert.Equal(15, log.Handled.Count);
    }

    [Fact]
    public async Task An_update_handled_before_a_crash_but_never_confirmed_is_not_handled_again()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        var databasePath = Path.Combine(Path.GetTempPath(), $"mentorbot-crash-{Guid.NewGuid():N}.db");
        var update = api.EnqueueText(601, "/echo once");

        // The first run handles and commits the update, then dies before getUpdates confirms it.
        await using (var first = await LiveBot.StartAsync(api, databasePath: databasePath, services: s =>
        {
            AddEcho(s, log);
            BotHarness.RemoveHostedService<PollingReceiver>(s);
        }))
        {
            await first.Services.GetRequiredService<UpdatePipeline>().HandleAsync(update, CancellationToken.None);
        }
        Assert.Equal(1, api.PendingUpdateCount);

        // The restarted bot polls and receives the same update again.
        await using (await LiveBot.StartAsync(api, databasePath: databasePath, services: s => AddEcho(s, log)))
        {
            await api.WaitUntilAsync(a => a.PendingUpdateCount == 0, TimeSpan.FromSeconds(10));
            await api.WaitUntilAsync(a => a.DeliveredTo(601).Count >= 1, TimeSpan.FromSeconds(10));
            await Task.Delay(300);
        }

        Assert.Single(log.Handled);
        Assert.Single(api.DeliveredTo(601));
    }

    [Fact]
    public async Task Later_updates_are_fetched_and_handled_while_an_earlier_one_still_waits()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        await using var bot = await LiveBot.StartAsync(api, services: s => AddEcho(s, log));
        using var busy = HoldChat(bot, 901);
        api.EnqueueText(901, "/echo first");
        // The next poll confirms the first update's batch to Telegram, although the update is not handled yet.
        await api.WaitUntilAsync(a => a.PendingUpdateCount == 0, TimeSpan.FromSeconds(20));

        api.EnqueueText(902, "/echo other chat");
        api.EnqueueText(901, "/echo same chat");
        var other = await api.WaitForDeliveryAsync(m => m.ChatId == 902, TimeSpan.FromSeconds(20));

        Assert.Equal("other chat", other.VisibleText);
        Assert.Empty(api.DeliveredTo(901));
        busy.Dispose();
        await api.WaitUntilAsync(a => a.DeliveredTo(901).Count == 2, TimeSpan.FromSeconds(20));
        Assert.Equal(["first", "same chat"], api.DeliveredTo(901).Select(m => m.VisibleText ?? ""));
    }

    [Fact]
    public async Task An_update_confirmed_to_telegram_but_not_handled_when_the_bot_stops_is_handled_after_the_restart()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        using var database = BotDatabase.Create();
        await using (var first = await LiveBot.StartAsync(api, databasePath: database.Path, services: s => AddEcho(s, log)))
        {
            using var busy = HoldChat(first, 911);
            api.EnqueueText(911, "/echo kept");
            // Confirmed by the next poll: Telegram will not offer it again.
            await api.WaitUntilAsync(a => a.PendingUpdateCount == 0, TimeSpan.FromSeconds(20));
        }
        Assert.Empty(log.Handled);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM update_inbox"));

        await using (await LiveBot.StartAsync(api, databasePath: database.Path, services: s => AddEcho(s, log)))
        {
            var reply = await api.WaitForDeliveryAsync(m => m.ChatId == 911, TimeSpan.FromSeconds(20));
            Assert.Equal("kept", reply.VisibleText);
            await Task.Delay(300);
        }
        Assert.Single(api.DeliveredTo(911));
        Assert.Equal(["kept"], log.Handled.Select(h => h.Text));
        // The copy, with what the person wrote, went with the handling.
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM update_inbox"));
    }

    /// <summary>Keeps the chat's turn taken, as a long update of its own would, until disposed.</summary>
    private static ChatHold HoldChat(LiveBot bot, long chatId) => new(bot.Services.GetRequiredService<ChatSequencer>(), chatId);

    private sealed class ChatHold : IDisposable
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ChatHold(ChatSequencer sequencer, long chatId) => _ = sequencer.RunAsync(chatId, () => _released.Task, CancellationToken.None);

        public void Dispose() => _released.TrySetResult();
    }

    [Fact]
    public async Task An_empty_answer_that_comes_back_at_once_does_not_make_the_loop_spin()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("getUpdates", Enumerable.Repeat(ScriptedResponse.Ok("[]"), 1000).ToArray());
        await using var bot = await LiveBot.StartAsync(api);

        await Task.Delay(TimeSpan.FromSeconds(3));

        // One poll a second at most; a spinning loop would make hundreds of calls.
        Assert.InRange(api.CallCount("getUpdates"), 1, 5);
    }

    [Fact]
    public async Task An_update_the_bot_cannot_read_is_confirmed_and_does_not_hold_up_the_others()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        // Telegram offers an update until it is confirmed: read as a whole, this batch failed every time.
        api.EnqueueRawUpdate(1, """{"update_id":1,"message":{"message_id":1,"date":"yesterday","chat":{"id":801,"type":"private"},"text":"/echo lost"}}""");
        api.EnqueueText(801, "/echo next");
        await using var bot = await LiveBot.StartAsync(api, services: s => AddEcho(s, log));

        var reply = await api.WaitForDeliveryAsync(m => m.ChatId == 801, TimeSpan.FromSeconds(20));

        Assert.Equal("next", reply.VisibleText);
        Assert.Equal(["next"], log.Handled.Select(h => h.Text));
        await api.WaitUntilAsync(a => a.PendingUpdateCount == 0, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_failing_bot_api_is_retried_with_backoff_and_nothing_is_lost()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        api.Script("getUpdates", ScriptedResponse.InternalServerError(), ScriptedResponse.BadGateway(), ScriptedResponse.MalformedJson());
        api.EnqueueText(701, "/echo after-outage");
        await using var bot = await LiveBot.StartAsync(api, services: s => AddEcho(s, log));

        var reply = await api.WaitForDeliveryAsync(m => m.ChatId == 701, TimeSpan.FromSeconds(20));

        Assert.Equal("after-outage", reply.VisibleText);
        Assert.Single(log.Handled);
        // Three failures back off (0.5 s, 1 s, 2 s) rather than hammering the API.
        Assert.InRange(api.CallCount("getUpdates"), 4, 10);
    }
}

