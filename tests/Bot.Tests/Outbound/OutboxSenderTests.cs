using System.Diagnostics;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Outbound;

public sealed class OutboxSenderTests
{
    private static Task<LiveBot> StartAsync(FakeBotApi api, Action<IDictionary<string, string?>>? configure = null) =>
        LiveBot.StartAsync(api, configure, s => BotHarness.RemoveHostedService<PollingReceiver>(s));

    private static async Task EnqueueAsync(LiveBot bot, params (long ChatId, string Text)[] messages)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        await db.BeginAsync();
        foreach (var (chatId, text) in messages)
        {
            writer.Send(chatId, Html.Text(text));
        }
        await writer.FlushAsync(TimeProvider.System.GetUtcNow());
        await db.CommitAsync();
        bot.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static async Task<(string Status, long Attempts)> RowAsync(LiveBot bot, long chatId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var rows = await db.QueryAsync<(string, long)>("SELECT status, attempts FROM outbox WHERE chat_id = @ChatId", new { ChatId = chatId });
        return rows.Single();
    }

    [Fact]
    public async Task A_photo_and_a_document_with_a_button_go_through_the_outbox_in_order()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(api);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 7];
        var csv = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Скачать в CSV", "exp:csv")]]);

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            await db.BeginAsync();
            writer.SendDocument(12, "pairs.xlsx", [1, 2, 3], Html.Text("Пары"), csv);
            writer.SendPhoto(12, "coverage.png", png, Html.Text("Покрытие дефицитов"));
            await writer.FlushAsync(TimeProvider.System.GetUtcNow());
            await db.CommitAsync();
        }
        bot.Services.GetRequiredService<OutboxSignal>().Notify();
        await api.WaitForDeliveryAsync(m => m.ChatId == 12 && m.Method == "sendPhoto", TimeSpan.FromSeconds(10));

        var delivered = api.DeliveredTo(12);
        Assert.Equal(["sendDocument", "sendPhoto"], delivered.Select(m => m.Method));
        Assert.Contains("exp:csv", delivered[0].ReplyMarkupJson, StringComparison.Ordinal);
        Assert.Equal(png, delivered[1].FileContent);
        Assert.Equal("Покрытие дефицитов", delivered[1].VisibleText);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_then_sent_once()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.TooManyRequests(2));
        await using var bot = await StartAsync(api);
        var watch = Stopwatch.StartNew();

        await EnqueueAsync(bot, (11, "привет"));
        await api.WaitForDeliveryAsync(m => m.ChatId == 11, TimeSpan.FromSeconds(10));

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"sent after {watch.Elapsed}");
        Assert.Single(api.DeliveredTo(11));
        Assert.Equal(2, api.CallCount("sendMessage"));
    }

    [Fact]
    public async Task Server_errors_and_timeouts_are_retried_until_delivered_once()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.InternalServerError(), ScriptedResponse.BadGateway(), ScriptedResponse.Delay(TimeSpan.FromSeconds(8)));
        await using var bot = await StartAsync(api);

        await EnqueueAsync(bot, (12, "после сбоев"));
        var delivered = await api.WaitForDeliveryAsync(m => m.ChatId == 12, TimeSpan.FromSeconds(20));

        Assert.Equal("после сбоев", delivered.VisibleText);
        Assert.Single(api.DeliveredTo(12));
        await WaitForStatusAsync(bot, 12, "sent");
    }

    [Fact]
    public async Task A_file_that_keeps_failing_holds_up_the_chat_for_seconds_only_and_the_person_is_told_when_it_is_given_up()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendDocument", [.. Enumerable.Repeat(ScriptedResponse.InternalServerError(), 100)]);
        await using var bot = await StartAsync(api, c =>
        {
            c["Outbound:MaxAttempts"] = "6";
            c["Outbound:MaxBackoffSeconds"] = "1";
        });
        var watch = Stopwatch.StartNew();

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            await db.BeginAsync();
            writer.SendDocument(21, "отчёт.csv", [1, 2, 3], Html.Text("Отчёт"));
            writer.Send(21, Html.Text("ответ после файла"));
            await writer.FlushAsync(TimeProvider.System.GetUtcNow());
            await db.CommitAsync();
        }
        bot.Services.GetRequiredService<OutboxSignal>().Notify();

        await api.WaitForDeliveryAsync(m => m.ChatId == 21 && m.VisibleText == "ответ после файла", TimeSpan.FromSeconds(20));
        var overtakenAfter = watch.Elapsed;
        var notice = await api.WaitForDeliveryAsync(m => m.ChatId == 21 && (m.VisibleText ?? "").StartsWith("Не удалось доставить", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.True(overtakenAfter < TimeSpan.FromSeconds(10), $"the reply waited {overtakenAfter} behind the failing file");
        Assert.Equal(["ответ после файла", notice.VisibleText], api.DeliveredTo(21).Select(m => m.VisibleText).ToList());
        Assert.Equal(6, api.CallCount("sendDocument"));
    }

    [Fact]
    public void A_message_is_given_up_within_minutes_with_the_default_settings()
    {
        var options = new OutboundOptions();
        var worst = Enumerable.Range(0, options.MaxAttempts - 1).Sum(attempt => Math.Min(options.MaxBackoffSeconds, Math.Pow(2, Math.Min(attempt, 10))));

        Assert.InRange(worst, 60, 6 * 60);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_marked_and_not_retried()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.BlockChat(13);
        await using var bot = await StartAsync(api);

        await EnqueueAsync(bot, (13, "первое"), (13, "второе"), (14, "другому"));
        await api.WaitForDeliveryAsync(m => m.ChatId == 14, TimeSpan.FromSeconds(10));
        await WaitForStatusAsync(bot, 13, "blocked", expectedRows: 2);

        Assert.Equal(1, api.CallCount("sendMessage") - 1);
        await using var scope = bot.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ChatRepository>().IsBlockedAsync(13));
    }

    [Fact]
    public async Task A_malformed_answer_is_a_clear_failure_that_is_retried_not_a_crash()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.MalformedJson(), ScriptedResponse.TruncatedBody());
        await using var bot = await StartAsync(api);

        await EnqueueAsync(bot, (15, "третья попытка"));
        await WaitForStatusAsync(bot, 15, "sent");

        Assert.Equal(3, api.CallCount("sendMessage"));
        Assert.Equal(3L, (await RowAsync(bot, 15)).Attempts);
    }

    [Fact]
    public async Task A_long_text_is_split_into_messages_within_telegrams_limit()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(api);
        var text = string.Join("\n", Enumerable.Range(1, 900).Select(i => $"Строка номер {i}"));

        await EnqueueAsync(bot, (16, text));
        await api.WaitUntilAsync(a => a.DeliveredTo(16).Count >= 4, TimeSpan.FromSeconds(10));

        var parts = api.DeliveredTo(16);
        Assert.All(parts, p => Assert.True(p.Text!.Length <= 4096));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts.Select(p => p.VisibleText!.Replace("\n", ""))));
    }

    [Fact]
    public async Task One_chat_gets_at_most_one_message_a_second_while_others_proceed()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RateLimits = new FakeRateLimits(30, 1) });
        await using var bot = await StartAsync(api, c => c["Outbound:PerChatMessagesPerSecond"] = "1");

        await EnqueueAsync(bot, (17, "1"), (17, "2"), (17, "3"), (18, "a"), (19, "b"));
        await api.WaitUntilAsync(a => a.DeliveredTo(17).Count == 3, TimeSpan.FromSeconds(10));

        Assert.Equal(["1", "2", "3"], api.DeliveredTo(17).Select(m => m.VisibleText ?? "").ToList());
        Assert.Equal(0, api.RateLimitedCount);
        var times = api.DeliveredTo(17).Select(m => m.At).ToList();
        Assert.True(times[2] - times[0] >= TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(300)]
    public async Task Ninety_messages_to_ninety_chats_draw_no_429_from_a_strict_api_however_slowly_it_answers(int latencyMs)
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions
        {
            RateLimits = new FakeRateLimits(30, 1), AnswerLatency = TimeSpan.FromMilliseconds(latencyMs),
        });
        await using var bot = await StartAsync(api, c =>
        {
            c["Outbound:GlobalMessagesPerSecond"] = "30";
            c["Outbound:MaxParallelSends"] = "16";
        });

        await EnqueueAsync(bot, Enumerable.Range(1, 90).Select(i => (1000L + i, $"сообщение {i}")).ToArray());
        await api.WaitUntilAsync(a => Enumerable.Range(1, 90).All(i => a.DeliveredTo(1000 + i).Count > 0), TimeSpan.FromSeconds(30));
        await bot.Services.GetRequiredService<OutboxSignal>().WaitAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);

        Assert.Equal(0, api.RateLimitedCount);
        Assert.All(Enumerable.Range(1, 90), i => Assert.Single(api.DeliveredTo(1000 + i)));
        await WaitForStatusAsync(bot, 1090, "sent");
    }

    [Fact]
    public async Task Rows_another_instance_wrote_are_found_by_the_poll_without_any_signal()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(api, c => c["Outbound:IdlePollMilliseconds"] = "200");

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            // Straight into the table, as another process would: nothing in this one hears of it.
            await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteAsync(
                "INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before, created_at) VALUES (21, 'Send', @Payload, 'pending', 0, 0, 0)",
                new { Payload = """{"Kind":0,"ChatId":21,"Text":"из другого процесса"}""" });
        }

        await api.WaitForDeliveryAsync(m => m.ChatId == 21, TimeSpan.FromSeconds(10));
        await WaitForStatusAsync(bot, 21, "sent");
        Assert.Single(api.DeliveredTo(21));
    }

    [Fact]
    public async Task A_keyboard_update_replaced_by_a_newer_one_before_it_went_out_is_recorded_as_superseded_and_only_the_newer_is_sent()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(api);
        await EnqueueAsync(bot, (22, "Форум"));
        await api.WaitForDeliveryAsync(m => m.ChatId == 22, TimeSpan.FromSeconds(10));
        var messageId = api.DeliveredTo(22)[0].MessageId;
        // The first reply's per-chat second is still running, so the sender holds both edits when they arrive.
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            await db.BeginAsync();
            writer.Send(22, Html.Text("ещё одно сообщение"));
            writer.Add(new OutgoingMessage { Kind = OutgoingKind.EditMarkup, ChatId = 22, MessageId = messageId, IsBulk = true,
                InlineKeyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("✓ Буду", "rsvp:1:y")]]) });
            writer.Add(new OutgoingMessage { Kind = OutgoingKind.EditMarkup, ChatId = 22, MessageId = messageId, IsBulk = true,
                InlineKeyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("✓ Не смогу", "rsvp:1:n")]]) });
            await writer.FlushAsync(TimeProvider.System.GetUtcNow());
            await db.CommitAsync();
        }

        await WaitForStatusesAsync(bot, 22, ["sent", "sent", "sent", "superseded"]);
        Assert.Equal(1, api.CallCount("editMessageReplyMarkup"));
        Assert.Contains("Не смогу", api.VisibleMessages(22)[0].ReplyMarkupJson, StringComparison.Ordinal);
    }

    private static async Task WaitForStatusesAsync(LiveBot bot, long chatId, string[] expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        IReadOnlyList<string> statuses = [];
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = bot.Services.CreateAsyncScope();
            statuses = await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<string>(
                "SELECT status FROM outbox WHERE chat_id = @ChatId ORDER BY status", new { ChatId = chatId });
            if (statuses.SequenceEqual(expected))
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Equal(expected, statuses);
    }

    private static async Task WaitForStatusAsync(LiveBot bot, long chatId, string status, int expectedRows = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = bot.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var statuses = await db.QueryAsync<string>("SELECT status FROM outbox WHERE chat_id = @ChatId", new { ChatId = chatId });
            if (statuses.Count == expectedRows && statuses.All(s => s == status))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Outbox rows of chat {chatId} never became '{status}'.");
    }
}
