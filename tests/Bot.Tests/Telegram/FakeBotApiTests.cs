using System.Net;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Telegram;

/// <summary>The fake's own Telegram-like rules, which many later tests lean on.</summary>
public sealed class FakeBotApiTests
{
    [Theory]
    [InlineData("/bot{token}/getMe", HttpStatusCode.OK)]
    [InlineData("/bot{token}/GETME", HttpStatusCode.OK)]
    [InlineData("/bot123:other/getMe", HttpStatusCode.Unauthorized)]
    [InlineData("/bot{token}/noSuchMethod", HttpStatusCode.NotFound)]
    [InlineData("/getMe", HttpStatusCode.NotFound)]
    public async Task Only_the_right_token_and_a_known_method_are_served(string path, HttpStatusCode expected)
    {
        await using var api = await FakeBotApi.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(api.BaseUrl + path.Replace("{token}", api.Token, StringComparison.Ordinal), null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).StartsWith("""{"ok":true""", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rate_limits_answer_429_per_chat_and_overall_and_count_them()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions
        {
            RateLimits = new FakeRateLimits(Overall: 2, PerChat: 1) { Window = TimeSpan.FromMinutes(1) },
        });
        var client = api.CreateClient();

        await Send(client, 1);
        var perChat = await Assert.ThrowsAsync<TelegramApiException>(() => Send(client, 1));
        await Send(client, 2);
        var overall = await Assert.ThrowsAsync<TelegramApiException>(() => Send(client, 3));

        Assert.Equal((429, 60), (perChat.ErrorCode, perChat.RetryAfterSeconds));
        Assert.Equal((429, 60), (overall.ErrorCode, overall.RetryAfterSeconds));
        Assert.Equal(2, api.RateLimitedCount);
        Assert.Equal([1L, 2L], api.Delivered.Select(message => message.ChatId));
    }

    [Fact]
    public async Task A_blocked_chat_gets_403_and_sees_nothing_until_unblocked()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        api.BlockChat(5);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Send(client, 5));
        await Send(client, 6);
        api.UnblockChat(5);
        await Send(client, 5);

        Assert.True(error.IsForbidden);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Description);
        Assert.Equal([6L, 5L], api.Delivered.Select(message => message.ChatId));
    }

    [Theory]
    [InlineData("Я <3 Python", "Unsupported start tag \"3\"")]
    [InlineData("<b>жирный</i>", "Unmatched end tag")]
    [InlineData("<b>жирный", "Can't find end tag")]
    public async Task HTML_that_Telegram_cannot_parse_is_refused(string text, string detail)
    {
        await using var api = await FakeBotApi.StartAsync();

        var error = await Assert.ThrowsAsync<TelegramApiException>(() =>
            api.CreateClient().SendMessageAsync(1, text));

        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("can't parse entities: " + detail, error.Description, StringComparison.Ordinal);
        Assert.Empty(api.Delivered);
    }

    [Fact]
    public async Task A_text_longer_than_4096_characters_is_refused()
    {
        await using var api = await FakeBotApi.StartAsync();

        var error = await Assert.ThrowsAsync<TelegramApiException>(() =>
            api.CreateClient().SendMessageAsync(1, new string('я', 4097)));

        Assert.Equal("Bad Request: message is too long", error.Description);
    }

    [Fact]
    public async Task Only_a_button_the_user_sees_can_be_pressed_and_its_query_answered_once()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var sent = await client.SendMessageAsync(7, "?", replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Да", "yes")]]));

        Assert.Throws<InvalidOperationException>(() => api.EnqueueButtonPress(7, sent!.MessageId, "no"));
        Assert.Throws<InvalidOperationException>(() => api.EnqueueButtonPress(8, sent!.MessageId, "yes"));
        var press = api.EnqueueButtonPress(7, sent!.MessageId, "yes");
        var answer = press.CallbackQuery!.Id;
        await client.AnswerCallbackQueryAsync(answer);
        var again = await Assert.ThrowsAsync<TelegramApiException>(() => client.AnswerCallbackQueryAsync(answer));

        Assert.Contains("query ID is invalid", again.Description, StringComparison.Ordinal);
        Assert.Single(api.CallbackAnswers);
    }

    [Fact]
    public async Task Message_ids_count_per_chat_across_the_users_and_the_bots_messages()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();

        var asked = api.EnqueueText(10, "/start");
        var reply = await Send(client, 10);
        var elsewhere = await Send(client, 11);

        Assert.Equal(1, asked.Message!.MessageId);
        Assert.Equal(2, reply!.MessageId);
        Assert.Equal(1, elsewhere!.MessageId);
    }

    [Fact]
    public async Task GetUpdates_conflicts_while_a_webhook_is_set()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        await client.SetWebhookAsync("https://bot.example.org/hook", "s3cr3t");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => client.GetUpdatesAsync(offset: null, timeoutSeconds: 0));

        Assert.Equal(409, error.ErrorCode);
    }

    [Fact]
    public async Task WaitForDeliveryAsync_times_out_with_a_clear_error()
    {
        await using var api = await FakeBotApi.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => api.WaitForDeliveryAsync(_ => true, TimeSpan.FromMilliseconds(100)));
    }

    private static Task<Message?> Send(IBotApi client, long chatId) =>
        client.SendMessageAsync(chatId, "Сообщение");
}
