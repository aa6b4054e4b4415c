using System.Diagnostics;
using System.Net;
using System.Text;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Telegram;

public sealed class BotApiClientTests
{
    private const long ChatId = 1001;

    private static readonly InlineKeyboardMarkup YesNo = new([
        [InlineKeyboardButton.WithCallbackData("Да", "yes"), InlineKeyboardButton.WithCallbackData("Нет", "no")],
        [InlineKeyboardButton.WithUrl("Сайт", "https://example.org/")],
    ]);

    [Fact]
    public async Task GetMe_returns_the_bot()
    {
        await using var api = await FakeBotApi.StartAsync();

        var me = await api.CreateClient().GetMeAsync();

        Assert.Equal(api.Bot.Id, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal(api.Bot.Username, me.Username);
        Assert.Equal(1, api.CallCount("getMe"));
    }

    [Fact]
    public async Task SendMessage_sends_HTML_without_link_previews_and_the_inline_keyboard_in_Bot_API_shape()
    {
        await using var api = await FakeBotApi.StartAsync();

        var sent = await api.CreateClient().SendMessageAsync(ChatId, "<b>Привет</b>, &lt;гость&gt; https://example.org", YesNo);

        var delivered = Assert.Single(api.Delivered);
        Assert.Equal(ChatId, delivered.ChatId);
        Assert.Equal("HTML", delivered.ParseMode, ignoreCase: true);
        Assert.True(delivered.LinkPreviewDisabled);
        Assert.Equal("Привет, <гость> https://example.org", delivered.VisibleText);
        Assert.Equal(
            """{"inline_keyboard":[[{"text":"Да","callback_data":"yes"},{"text":"Нет","callback_data":"no"}],[{"text":"Сайт","url":"https://example.org/"}]]}""",
            delivered.ReplyMarkupJson);
        Assert.NotNull(sent);
        Assert.Equal(delivered.MessageId, sent.MessageId);
        Assert.Equal(ChatId, sent.Chat.Id);
        Assert.Equal(["yes", "no"], sent.ReplyMarkup!.InlineKeyboard.First().Select(button => button.CallbackData));
    }

    [Fact]
    public async Task SendMessage_writes_reply_keyboards_as_their_own_kind_without_a_type_discriminator()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();

        await client.SendMessageAsync(ChatId, "Выберите роль", replyMarkup: new ReplyKeyboardMarkup([[new KeyboardButton("Ментор"), new KeyboardButton("Директор")]]) { ResizeKeyboard = true, OneTimeKeyboard = true });
        await client.SendMessageAsync(ChatId, "Готово", replyMarkup: new ReplyKeyboardRemove());

        Assert.Equal(
            [
                """{"keyboard":[[{"text":"Ментор"},{"text":"Директор"}]],"resize_keyboard":true,"one_time_keyboard":true}""",
                """{"remove_keyboard":true}""",
            ],
            api.Delivered.Select(message => message.ReplyMarkupJson));
    }

    [Fact]
    public async Task EditMessageText_and_EditMessageReplyMarkup_change_what_the_chat_shows()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var sent = await client.SendMessageAsync(ChatId, "Вопрос?", replyMarkup: YesNo);

        var edited = await client.EditMessageTextAsync(ChatId, sent!.MessageId, "Вопрос? <i>Ответ: да</i>", replyMarkup: YesNo);
        await client.EditMessageReplyMarkupAsync(ChatId, sent.MessageId);

        Assert.Equal("Вопрос? Ответ: да", edited!.Text);
        var shown = Assert.Single(api.VisibleMessages(ChatId));
        Assert.Equal("Вопрос? Ответ: да", shown.VisibleText);
        Assert.Null(shown.ReplyMarkupJson);
        Assert.Equal(["sendMessage", "editMessageText", "editMessageReplyMarkup"], api.Delivered.Select(message => message.Method));
    }

    [Fact]
    public async Task Editing_to_the_same_content_is_Telegrams_message_is_not_modified()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var sent = await client.SendMessageAsync(ChatId, "Текст");

        var error = await Assert.ThrowsAsync<TelegramApiException>(() =>
            client.EditMessageTextAsync(ChatId, sent!.MessageId, "Текст"));

        Assert.True(error.IsMessageNotModified);
        Assert.Equal(400, error.ErrorCode);
    }

    [Fact]
    public async Task DeleteMessage_removes_it_from_the_chat()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var sent = await client.SendMessageAsync(ChatId, "Временное");

        await client.DeleteMessageAsync(ChatId, sent!.MessageId);

        Assert.Empty(api.VisibleMessages(ChatId));
        Assert.Equal(1, api.CallCount("deleteMessage"));
    }

    [Fact]
    public async Task GetUpdates_and_AnswerCallbackQuery_carry_a_button_press_through()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var sent = await client.SendMessageAsync(ChatId, "Вы придёте?", replyMarkup: YesNo);
        api.EnqueueButtonPress(ChatId, sent!.MessageId, "yes");

        var update = Assert.Single(await client.GetUpdatesAsync(offset: null, timeoutSeconds: 0));
        await client.AnswerCallbackQueryAsync(update.CallbackQuery!.Id, text: "Записал");

        Assert.Equal("yes", update.CallbackQuery.Data);
        Assert.Equal(ChatId, update.OrderingChatId);
        Assert.Equal(sent.MessageId, update.CallbackQuery.Message!.MessageId);
        var answer = Assert.Single(api.CallbackAnswers);
        Assert.Equal((update.CallbackQuery.Id, "Записал", false), (answer.CallbackQueryId, answer.Text, answer.ShowAlert));
    }

    [Fact]
    public async Task GetUpdates_serves_in_order_and_drops_updates_once_the_offset_passes_them()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var first = api.EnqueueText(ChatId, "/start");
        api.EnqueueText(ChatId, "Иван");

        var all = await client.GetUpdatesAsync(offset: null, timeoutSeconds: 0);
        var unconfirmed = await client.GetUpdatesAsync(offset: first.Id, timeoutSeconds: 0);
        var rest = await client.GetUpdatesAsync(offset: first.Id + 1, timeoutSeconds: 0);
        var none = await client.GetUpdatesAsync(offset: all[^1].Id + 1, timeoutSeconds: 0);

        Assert.Equal(["/start", "Иван"], all.Select(update => update.Message!.Text));
        Assert.Equal(2, unconfirmed.Count);
        Assert.Equal("Иван", Assert.Single(rest).Message!.Text);
        Assert.Empty(none);
        Assert.Equal(0, api.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_long_poll_may_outlast_the_request_timeout()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient(options => options.RequestTimeoutSeconds = 1);
        var clock = Stopwatch.StartNew();

        var updates = await client.GetUpdatesAsync(offset: null, timeoutSeconds: 2);

        Assert.Empty(updates);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task GetUpdates_long_poll_answers_as_soon_as_an_update_arrives()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        var clock = Stopwatch.StartNew();

        var poll = client.GetUpdatesAsync(offset: null, timeoutSeconds: 10);
        await api.WaitUntilAsync(fake => fake.CallCount("getUpdates") == 1);
        api.EnqueueText(ChatId, "привет");
        var updates = await poll;

        Assert.Equal("привет", Assert.Single(updates).Message!.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SendDocument_uploads_the_bytes_as_multipart_with_a_Cyrillic_file_name_and_an_HTML_caption()
    {
        await using var api = await FakeBotApi.StartAsync();
        var content = Encoding.UTF8.GetBytes("ФИО;Школа\nИванова;№5\n");

        var sent = await api.CreateClient().SendDocumentAsync(ChatId, new OutgoingFile("Дефициты \"май\".csv", content), "Отчёт <b>за май</b>");

        var delivered = Assert.Single(api.Delivered);
        Assert.Equal("sendDocument", delivered.Method);
        Assert.Equal("Дефициты _май_.csv", delivered.FileName);
        Assert.Equal(content, delivered.FileContent);
        Assert.Equal("HTML", delivered.ParseMode, ignoreCase: true);
        Assert.Equal("Отчёт за май", delivered.VisibleText);
        Assert.Equal(delivered.MessageId, sent!.MessageId);
        Assert.Equal("Дефициты _май_.csv", sent.Document!.FileName);
    }

    [Fact]
    public async Task SendDocument_carries_its_inline_keyboard()
    {
        await using var api = await FakeBotApi.StartAsync();
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("CSV", "export:csv")]]);

        await api.CreateClient().SendDocumentAsync(ChatId, new OutgoingFile("pairs.xlsx", [1, 2, 3]), "Пары", replyMarkup: keyboard);

        var delivered = Assert.Single(api.Delivered);
        Assert.Contains("\"callback_data\":\"export:csv\"", delivered.ReplyMarkupJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPhoto_uploads_the_picture_as_multipart_with_an_HTML_caption()
    {
        await using var api = await FakeBotApi.StartAsync();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];

        var sent = await api.CreateClient().SendPhotoAsync(ChatId, new OutgoingFile("coverage.png", png), "Покрытие <b>дефицитов</b>");

        var delivered = Assert.Single(api.Delivered);
        Assert.Equal("sendPhoto", delivered.Method);
        Assert.Equal(png, delivered.FileContent);
        Assert.Equal("Покрытие дефицитов", delivered.VisibleText);
        Assert.Equal(delivered.MessageId, sent!.MessageId);
    }

    [Fact]
    public async Task SetMyCommands_SetWebhook_and_DeleteWebhook_reach_Telegram()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();

        await client.SetMyCommandsAsync([new BotCommand("start", "Начать"), new BotCommand("cancel", "Отменить")]);
        await client.SetWebhookAsync("https://bot.example.org/telegram/webhook", "s3cr3t-_");
        var registered = api.Webhook;
        await client.DeleteWebhookAsync(dropPendingUpdates: true);

        Assert.Equal([("start", "Начать"), ("cancel", "Отменить")], api.Commands.Select(c => (c.Command, c.Description)));
        Assert.Equal(new WebhookRegistration("https://bot.example.org/telegram/webhook", "s3cr3t-_", false), registered);
        Assert.Null(api.Webhook);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.TooManyRequests(5));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api.CreateClient()));

        Assert.True(error.IsTooManyRequests);
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(5, error.RetryAfterSeconds);
        Assert.Equal("sendMessage", error.Method);
        Assert.Empty(api.Delivered);
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(400, "Bad Request: chat not found")]
    public async Task An_API_error_carries_its_code_and_description(int code, string description)
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.ApiError(code, description));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api.CreateClient()));

        Assert.Equal((code, description), (error.ErrorCode, error.Description));
        Assert.Equal(code >= 500, error.IsServerError);
        Assert.Equal(code == 403, error.IsForbidden);
        Assert.Null(error.RetryAfterSeconds);
    }

    [Fact]
    public async Task A_server_error_then_success_leaves_the_client_usable()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        api.Script("sendMessage", ScriptedResponse.InternalServerError(), ScriptedResponse.Normal);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(client));
        var sent = await SendAsync(client);

        Assert.True(error.IsServerError);
        Assert.NotNull(sent);
        Assert.Equal(2, api.CallCount("sendMessage"));
        Assert.Single(api.Delivered);
    }

    [Fact]
    public async Task A_slow_answer_is_a_transport_error_within_the_request_timeout()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient(options => options.RequestTimeoutSeconds = 1);
        api.Script("sendMessage", ScriptedResponse.Delay(TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => SendAsync(client));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Delivered);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_transport_error()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Record.ExceptionAsync(() => api.CreateClient().GetUpdatesAsync(offset: null, timeoutSeconds: 10, cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_clear_transport_error_and_the_client_goes_on()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        api.Script("sendMessage", ScriptedResponse.MalformedJson());

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => SendAsync(client));
        var sent = await SendAsync(client);

        Assert.Equal("Bot API sendMessage failed: the answer is not Bot API JSON the library can read (HTTP 200)", error.Message);
        Assert.NotNull(sent);
    }

    [Theory]
    [InlineData("bad gateway", "is not Bot API JSON the library can read (HTTP 502)")]
    [InlineData("dropped connection", "connection")]
    [InlineData("truncated body", "connection")]
    [InlineData("malformed JSON", "is not Bot API JSON the library can read (HTTP 200)")]
    public async Task A_body_that_is_not_a_Bot_API_answer_is_a_transport_error(string fault, string reason)
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", Fault(fault));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => SendAsync(api.CreateClient()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("sendMessage", error.Method);
    }

    /// <summary>The emulator telegram-test-api answers edits with a null result and sent messages with the date in milliseconds.</summary>
    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("""{"message_id":"not a number"}""")]
    [InlineData("""{"message_id":5,"date":1764990000000,"chat":{"id":1001,"type":"private"},"text":"x"}""")]
    public async Task An_answer_on_HTTP_200_that_cannot_be_read_counts_as_delivered(string result)
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        api.Script("sendMessage", ScriptedResponse.Ok(result));
        api.Script("editMessageText", ScriptedResponse.Ok(result));

        var sent = await SendAsync(client);
        var edited = await client.EditMessageTextAsync(ChatId, 1, "x");

        Assert.Null(sent);
        Assert.Null(edited);
    }

    [Fact]
    public async Task A_missing_result_is_an_error_where_one_is_required()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("getMe", ScriptedResponse.Ok("null"));

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => api.CreateClient().GetMeAsync());

        Assert.Contains("lacks what the Bot API always sends (HTTP 200)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_and_a_date_beyond_2038_is_read()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("getUpdates", ScriptedResponse.Ok("""
            [{"update_id":900000001,"business_message":{"x":1},
              "message":{"message_id":7,"date":4102444800,"is_topic_message":false,"chat":{"id":-1001234567890123,"type":"supergroup","is_forum":true},
                         "from":{"id":42,"is_bot":false,"first_name":"Анна","is_premium":true},"text":"/help","entities":[{"type":"bot_command","offset":0,"length":5}]}}]
            """));

        var update = Assert.Single(await api.CreateClient().GetUpdatesAsync(offset: null, timeoutSeconds: 0));

        Assert.Equal(900000001, update.Id);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(4102444800), update.Message!.Date);
        Assert.Equal(-1001234567890123, update.Message.Chat.Id);
        Assert.Equal("Анна", update.Message.From!.FirstName);
        Assert.Equal("/help", update.Message.Text);
    }

    [Fact]
    public async Task An_update_with_a_field_of_the_wrong_type_is_passed_on_bare_and_the_rest_of_the_batch_is_read()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("getUpdates", ScriptedResponse.Ok("""
            [{"update_id":900000010,"message":{"message_id":"seven","date":1,"chat":{"id":42,"type":"private"},"text":"/help"}},
             {"update_id":900000011,"message":{"message_id":8,"date":1,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Анна"},"text":"/help"}},
             {"no_id":true,"message":[]}]
            """));

        var updates = await api.CreateClient().GetUpdatesAsync(offset: null, timeoutSeconds: 0);

        Assert.Equal([900000010, 900000011], updates.Select(u => u.Id));
        Assert.Null(updates[0].Message);
        Assert.Equal("/help", updates[1].Message!.Text);
    }

    [Fact]
    public async Task A_group_migration_carries_the_new_chat_id()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.Raw(400,
            """{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1009876543210}}"""));

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => SendAsync(api.CreateClient()));

        Assert.Equal(-1009876543210, error.MigrateToChatId);
    }

    [Fact]
    public async Task A_wrong_token_is_unauthorized()
    {
        await using var api = await FakeBotApi.StartAsync();

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => api.CreateClient(options => options.BotToken = "123:wrong").GetMeAsync());

        Assert.Equal((401, "Unauthorized"), (error.ErrorCode, error.Description));
        Assert.Equal(0, api.CallCount("getMe"));
    }

    [Theory]
    [InlineData("too many requests")]
    [InlineData("server error")]
    [InlineData("bot blocked")]
    [InlineData("description quoting the token")]
    [InlineData("bad gateway")]
    [InlineData("malformed JSON")]
    [InlineData("dropped connection")]
    [InlineData("truncated body")]
    [InlineData("timeout")]
    public async Task The_token_never_appears_in_an_exception(string fault)
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient(options => options.RequestTimeoutSeconds = 1);
        api.Script("sendMessage", Fault(fault, api.Token));

        var error = await Record.ExceptionAsync(() => SendAsync(client));

        AssertTokenless(error, api.Token);
    }

    [Fact]
    public async Task The_token_never_appears_when_the_server_cannot_be_reached()
    {
        string closedPortUrl;
        await using (var gone = await FakeBotApi.StartAsync())
        {
            closedPortUrl = gone.BaseUrl;
        }

        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient(options => options.ApiBaseUrl = closedPortUrl);

        var error = await Record.ExceptionAsync(() => SendAsync(client));

        Assert.IsType<TelegramTransportException>(error);
        AssertTokenless(error, api.Token);
    }

    [Fact]
    public async Task An_inner_exception_that_quotes_the_URL_is_withheld()
    {
        var options = new TelegramOptions { BotToken = "123:secret-token", ApiBaseUrl = "https://api.example.org" };
        using var http = new HttpClient(new UrlQuotingHandler());
        var client = new BotApiClient(http, Options.Create(options), NullLogger<BotApiClient>.Instance);

        var error = await Assert.ThrowsAsync<TelegramTransportException>(() => SendAsync(client));

        AssertTokenless(error, options.BotToken);
        Assert.Null(error.InnerException);
        Assert.Contains("details withheld", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_is_a_configuration_error_before_any_request()
    {
        await using var api = await FakeBotApi.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => api.CreateClient(options => options.BotToken = "").GetMeAsync());

        Assert.Equal(0, api.CallCount("getMe"));
    }

    private static Task<Message?> SendAsync(IBotApi client) =>
        client.SendMessageAsync(ChatId, "Здравствуйте");

    private static ScriptedResponse Fault(string name, string token = "") => name switch
    {
        "too many requests" => ScriptedResponse.TooManyRequests(3),
        "server error" => ScriptedResponse.InternalServerError(),
        "bot blocked" => ScriptedResponse.BotBlocked(),
                "description quoting the token" => ScriptedResponse.ApiError(401, $"Unauthorized: {token}"),
        "bad gateway" => ScriptedResponse.BadGateway(),
        "malformed JSON" => ScriptedResponse.MalformedJson(),
        "dropped connection" => ScriptedResponse.DropConnection(),
        "truncated body" => ScriptedResponse.TruncatedBody(),
        "timeout" => ScriptedResponse.Delay(TimeSpan.FromSeconds(30)),
                        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Stands for any handler in the pipeline that puts the request URI into its exception.</summary>
    private sealed class UrlQuotingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"Proxy refused {request.RequestUri}", null, HttpStatusCode.BadGateway);
    }

    private static void AssertTokenless(Exception? error, string token)
    {
        Assert.NotNull(error);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain(token, inner.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("/bot", inner.Message, StringComparison.Ordinal);
        }
    }
}
