using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorBot.Bot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Fakes;

/// <summary>
/// An in-process Bot API on Kestrel (127.0.0.1, a free port) that behaves like Telegram where MentorBot can tell:
/// long-polled getUpdates with offset confirmation, per-chat message ids, edits that fail when nothing changed,
/// HTML that must parse, callback queries answered once, 401/404 for a wrong token or method, flood limits
/// and blocked users on request, scripted faults per method, faults at random from a seed, and outages. It records
/// what each user would see.
/// </summary>
/// <example>
/// <code>
/// await using var api = await FakeBotApi.StartAsync();
/// var client = api.CreateClient();                        // or services.Configure&lt;TelegramOptions&gt;(api.ApplyTo)
/// api.EnqueueText(userId: 42, "/start");
/// api.Script("sendMessage", ScriptedResponse.TooManyRequests(1), ScriptedResponse.Normal);
/// var reply = await api.WaitForDeliveryAsync(m =&gt; m.ChatId == 42);
/// api.EnqueueButtonPress(42, reply.MessageId, reply.Buttons()[0].CallbackData!);
/// </code>
/// </example>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    internal const string MessageNotModifiedDescription =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message";

    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    /// <summary>Records keep Cyrillic readable, so a test can compare a keyboard with a literal.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] KnownMethods =
    [
        "getMe", "getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery",
        "deleteMessage", "sendDocument", "sendPhoto", "setMyCommands", "setWebhook", "deleteWebhook", "getFile",
    ];

    private readonly WebApplication _app;
    private readonly FakeBotApiOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    // Everything below is guarded by _gate.
    private readonly List<HttpClient> _clients = [];
    private readonly SortedDictionary<long, string> _pendingUpdates = [];
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly HashSet<long> _blockedChats = [];
    private readonly Dictionary<long, int> _lastMessageIds = [];
    private readonly Dictionary<(long ChatId, int MessageId), DeliveredMessage> _visible = [];
    private readonly List<DeliveredMessage> _delivered = [];
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly HashSet<string> _openCallbackQueries = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _recentSends = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _recentSendsPerChat = [];
    private readonly FaultDraw? _faultDraw;
    private readonly Dictionary<FaultKind, int> _injectedFaults = [];
    private IReadOnlyList<ScriptedResponse> _outage = [];
    private int _outageCalls;
    private int _totalCalls;
    private int _nextUpdateId = 1;
    private int _nextCallbackQueryId = 1;
    private int _rateLimitedCount;
    private IReadOnlyList<BotCommand> _commands = [];
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private WebhookRegistration? _webhook;
    private TaskCompletionSource _changed = NewSignal();

    private FakeBotApi(WebApplication app, FakeBotApiOptions options)
    {
        _app = app;
        _options = options;
        _faultDraw = options.RandomFaults is { } faults ? new FaultDraw(faults) : null;
    }

    /// <summary>http://127.0.0.1:{port}, without a trailing slash: the value for Telegram:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    public User Bot => _options.Bot;

    public static async Task<FakeBotApi> StartAsync(FakeBotApiOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Hermetic: no appsettings.json, ASPNETCORE_* variable or log provider of the test host reaches the fake.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var api = new FakeBotApi(app, options ?? new FakeBotApiOptions());
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Urls.Single();
        return api;
    }

    /// <summary>Points options at this fake: use as <c>services.Configure&lt;TelegramOptions&gt;(api.ApplyTo)</c>.</summary>
    public void ApplyTo(TelegramOptions options)
    {
        options.ApiBaseUrl = BaseUrl;
        options.BotToken = Token;
    }

    /// <summary>A real <see cref="TelegramBotClient"/> aimed at this fake, with short timeouts; disposed with the fake.</summary>
    public BotApiClient CreateClient(Action<TelegramOptions>? configure = null)
    {
        var options = new TelegramOptions { RequestTimeoutSeconds = 5 };
        ApplyTo(options);
        configure?.Invoke(options);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        lock (_gate)
        {
            _clients.Add(http);
        }

        return new BotApiClient(http, Options.Create(options), NullLogger<BotApiClient>.Instance);
    }

    /// <summary>
    /// Stores a file as if a person had sent it, and returns its file_id: getFile then names it, and
    /// /file/bot{token}/{file_path} serves it.
    /// </summary>
    public string AddFile(byte[] content)
    {
        lock (_gate)
        {
            var fileId = $"file{_files.Count + 1}";
            _files[fileId] = content;
            return fileId;
        }
    }

    // ---- Incoming updates ----

    /// <summary>Queues an update for getUpdates; an update_id of 0 gets the next free one.</summary>
    public Update EnqueueUpdate(Update update)
    {
        lock (_gate)
        {
            var queued = update;
            if (queued.Id == 0)
            {
                queued.Id = _nextUpdateId;
            }
            _nextUpdateId = Math.Max(_nextUpdateId, queued.Id + 1);
            if (queued.CallbackQuery is { } query)
            {
                _openCallbackQueries.Add(query.Id);
            }

            _pendingUpdates[queued.Id] = JsonSerializer.Serialize(queued, JsonBotAPI.Options);
            Changed();
            return queued;
        }
    }

    /// <summary>Queues an update as raw JSON, for one the bot's model cannot read; it waits for confirmation like any other.</summary>
    public void EnqueueRawUpdate(int updateId, string json)
    {
        lock (_gate)
        {
            _nextUpdateId = Math.Max(_nextUpdateId, updateId + 1);
            _pendingUpdates[updateId] = json;
            Changed();
        }
    }

    /// <summary>A private-chat text message from user <paramref name="userId"/> (the chat id is the user id).</summary>
    public Update EnqueueText(long userId, string text)
    {
        int messageId;
        lock (_gate)
        {
            messageId = NextMessageId(userId);
        }

        return EnqueueUpdate(new Update
        {
            Message = new Message
            {
                Id = messageId,
                From = UserFor(userId),
                Chat = ChatFor(userId),
                Date = Now.UtcDateTime,
                Text = text,
            },
        });
    }

    /// <summary>
    /// The user presses an inline button of a message the bot delivered and still shows; throws when there is no
    /// such button, so a test cannot press what the user could not.
    /// </summary>
    public Update EnqueueButtonPress(long chatId, int messageId, string callbackData)
    {
        DeliveredMessage shown;
        string queryId;
        lock (_gate)
        {
            shown = _visible.GetValueOrDefault((chatId, messageId))
                ?? throw new InvalidOperationException($"Chat {chatId} shows no bot message {messageId}.");
            queryId = $"{chatId}-{_nextCallbackQueryId++}";
        }

        if (!shown.Buttons().Any(button => button.CallbackData == callbackData))
        {
            throw new InvalidOperationException($"Message {messageId} in chat {chatId} has no button with callback data \"{callbackData}\".");
        }

        return EnqueueUpdate(new Update
        {
            CallbackQuery = new CallbackQuery
            {
                Id = queryId,
                From = UserFor(chatId),
                Data = callbackData,
                Message = new Message
                {
                    Id = messageId,
                    From = Bot,
                    Chat = ChatFor(chatId),
                    Date = shown.At.UtcDateTime,
                    Text = shown.VisibleText,
                    ReplyMarkup = shown.ReplyMarkupJson is { } markup
                        ? JsonSerializer.Deserialize<InlineKeyboardMarkup>(markup, JsonBotAPI.Options)
                        : null,
                },
            },
        });
    }

    /// <summary>Updates not yet confirmed by a getUpdates offset beyond them.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _pendingUpdates.Count;
            }
        }
    }

    // ---- Faults, blocking ----

    /// <summary>Queues answers for the next calls of <paramref name="method"/>, in order; later calls are handled normally.</summary>
    public void Script(string method, params ScriptedResponse[] responses)
    {
        var known = Canonical(method) ?? throw new ArgumentException($"\"{method}\" is not a method the fake serves.", nameof(method));
        lock (_gate)
        {
            if (!_scripts.TryGetValue(known, out var queue))
            {
                _scripts[known] = queue = new Queue<ScriptedResponse>();
            }

            foreach (var response in responses)
            {
                queue.Enqueue(response);
            }
        }
    }

    /// <summary>
    /// From now until <see cref="EndOutage"/> every call fails, with <paramref name="answers"/> in turn (502 from the
    /// front proxy when none are given); scripted answers and random faults wait until it ends. Updates queued meanwhile
    /// stay queued, as Telegram keeps them.
    /// </summary>
    public void BeginOutage(params ScriptedResponse[] answers)
    {
        lock (_gate)
        {
            _outage = answers.Length > 0 ? answers : [ScriptedResponse.BadGateway()];
            _outageCalls = 0;
        }
    }

    public void EndOutage()
    {
        lock (_gate)
        {
            _outage = [];
            Changed();
        }
    }

    /// <summary>From now on every call aimed at this chat gets 403 "Forbidden: bot was blocked by the user".</summary>
    public void BlockChat(long chatId)
    {
        lock (_gate)
        {
            _blockedChats.Add(chatId);
        }
    }

    public void UnblockChat(long chatId)
    {
        lock (_gate)
        {
            _blockedChats.Remove(chatId);
        }
    }

    // ---- What happened ----

    /// <summary>Calls that reached <paramref name="method"/> with the right token, scripted or not.</summary>
    public int CallCount(string method)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(Canonical(method) ?? method);
        }
    }

    /// <summary>Calls of every method that reached the fake with the right token, faulted or not.</summary>
    public int TotalCallCount
    {
        get
        {
            lock (_gate)
            {
                return _totalCalls;
            }
        }
    }

    /// <summary>The faults <see cref="FakeBotApiOptions.RandomFaults"/> injected so far, by kind.</summary>
    public IReadOnlyDictionary<FaultKind, int> InjectedFaults
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<FaultKind, int>(_injectedFaults);
            }
        }
    }

    /// <summary>Whether the update is still queued: not yet confirmed by a getUpdates offset beyond it.</summary>
    public bool IsPending(long updateId)
    {
        lock (_gate)
        {
            return _pendingUpdates.ContainsKey(updateId);
        }
    }

    /// <summary>429s given by the rate limits of <see cref="FakeBotApiOptions.RateLimits"/>, not scripted ones.</summary>
    public int RateLimitedCount
    {
        get
        {
            lock (_gate)
            {
                return _rateLimitedCount;
            }
        }
    }

    /// <summary>Every accepted send and edit, in the order Telegram accepted them.</summary>
    public IReadOnlyList<DeliveredMessage> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    public IReadOnlyList<DeliveredMessage> DeliveredTo(long chatId)
    {
        lock (_gate)
        {
            return [.. _delivered.Where(message => message.ChatId == chatId)];
        }
    }

    /// <summary>The bot's messages the chat shows now, oldest first, each in its latest edited form.</summary>
    public IReadOnlyList<DeliveredMessage> VisibleMessages(long chatId)
    {
        lock (_gate)
        {
            return [.. _visible.Values.Where(message => message.ChatId == chatId).OrderBy(message => message.MessageId)];
        }
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _callbackAnswers];
            }
        }
    }

    public IReadOnlyList<BotCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return _commands;
            }
        }
    }

    /// <summary>Set by setWebhook with a URL, cleared by deleteWebhook or an empty URL.</summary>
    public WebhookRegistration? Webhook
    {
        get
        {
            lock (_gate)
            {
                return _webhook;
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking after every call and queued update.</summary>
    /// <exception cref="TimeoutException">It still did not hold after <paramref name="timeout"/> (5 s by default).</exception>
    public async Task WaitUntilAsync(Func<FakeBotApi, bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWait;
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"The fake Bot API did not reach the awaited state within {limit.TotalSeconds:0.#} s.");
            }
        }
    }

    /// <summary>Waits for the first delivered message (sends and edits alike) that matches.</summary>
    public async Task<DeliveredMessage> WaitForDeliveryAsync(Func<DeliveredMessage, bool> predicate, TimeSpan? timeout = null)
    {
        DeliveredMessage? found = null;
        await WaitUntilAsync(api => (found = api.Delivered.FirstOrDefault(predicate)) is not null, timeout);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_gate)
        {
            _clients.ForEach(client => client.Dispose());
        }

        _stopping.Dispose();
    }

    // ---- The HTTP side ----

    internal static string ErrorJson(int errorCode, string description, int? retryAfterSeconds)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfterSeconds is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error.ToJsonString();
    }

    internal static async Task WriteJsonAsync(HttpContext context, int status, string json, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, cancellationToken);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var cancellationToken = aborted.Token;
        try
        {
            if (context.Request.Path.Value?.StartsWith("/file/", StringComparison.Ordinal) == true)
            {
                await ServeFileAsync(context, cancellationToken);
                return;
            }
            var method = Route(context.Request.Path.Value ?? "");
            var request = await FakeRequest.ReadAsync(context.Request, cancellationToken);
            ScriptedResponse? scripted;
            lock (_gate)
            {
                _calls[method] = _calls.GetValueOrDefault(method) + 1;
                _totalCalls++;
                scripted = NextFault(method, request.Long("chat_id"));
                Changed();
            }

            if (scripted is not null && await scripted.RespondAsync(context, cancellationToken))
            {
                return;
            }

            var result = method == "getUpdates"
                ? await GetUpdatesAsync(request, cancellationToken)
                : Handle(method, request);
            if (scripted is { DropsAnswer: true })
            {
                context.Abort();
                return;
            }

            await Task.Delay(_options.AnswerLatency, cancellationToken);
            await WriteJsonAsync(context, StatusCodes.Status200OK, $$"""{"ok":true,"result":{{result}}}""", cancellationToken);
        }
        catch (FakeApiError error)
        {
            await Task.Delay(_options.AnswerLatency, cancellationToken);
            await WriteJsonAsync(context, error.ErrorCode, ErrorJson(error.ErrorCode, error.Description, error.RetryAfterSeconds), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up or the fake is stopping: there is nobody left to answer.
            context.Abort();
        }
    }

    /// <summary>/bot{token}/{method}: 404 for any other shape or an unknown method, 401 for a wrong token, like Telegram.</summary>
    private string Route(string path)
    {
        if (path.Split('/') is not ["", var bot, var method] || !bot.StartsWith("bot", StringComparison.Ordinal))
        {
            throw new FakeApiError(404, "Not Found");
        }

        if (bot[3..] != Token)
        {
            throw new FakeApiError(401, "Unauthorized");
        }

        return Canonical(method) ?? throw new FakeApiError(404, "Not Found");
    }

    /// <summary>Bot API method names are case-insensitive.</summary>
    private static string? Canonical(string method) =>
        KnownMethods.FirstOrDefault(known => known.Equals(method, StringComparison.OrdinalIgnoreCase));

    private string Handle(string method, FakeRequest request) => method switch
    {
        "getMe" => UserJson(Bot).ToJsonString(),
        "sendMessage" => SendMessage(request),
        "editMessageText" => EditMessageText(request),
        "editMessageReplyMarkup" => EditMessageReplyMarkup(request),
        "answerCallbackQuery" => AnswerCallbackQuery(request),
        "deleteMessage" => DeleteMessage(request),
        "sendDocument" => SendDocument(request),
        "sendPhoto" => SendPhoto(request),
        "setMyCommands" => SetMyCommands(request),
        "setWebhook" => SetWebhook(request),
        "deleteWebhook" => DeleteWebhook(request),
        "getFile" => GetFile(request),
        _ => throw new FakeApiError(404, "Not Found"),
    };

    private string GetFile(FakeRequest request)
    {
        var fileId = request.String("file_id") ?? throw FakeApiError.BadRequest("file_id is empty");
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var content))
            {
                throw FakeApiError.BadRequest("invalid file_id");
            }
            return new JsonObject { ["file_id"] = fileId, ["file_size"] = content.Length, ["file_path"] = $"documents/{fileId}" }.ToJsonString();
        }
    }

    /// <summary>/file/bot{token}/documents/{file_id}: the download URL getFile names.</summary>
    private async Task ServeFileAsync(HttpContext context, CancellationToken cancellationToken)
    {
        byte[]? content = null;
        if (context.Request.Path.Value!.Split('/') is ["", "file", var bot, "documents", var fileId] && bot == "bot" + Token)
        {
            lock (_gate)
            {
                _files.TryGetValue(fileId, out content);
            }
        }
        if (content is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, cancellationToken);
    }

    private async Task<string> GetUpdatesAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        var offset = request.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(request.Long("limit") ?? 100, 1, 100);
        var longPoll = TimeSpan.FromSeconds(Math.Max(request.Long("timeout") ?? 0, 0));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            TimeSpan remaining;
            lock (_gate)
            {
                if (_webhook is not null)
                {
                    throw new FakeApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                }

                // Telegram confirms an update once getUpdates is called with an offset beyond its id.
                var confirmed = _pendingUpdates.Keys.Where(id => id < offset).ToList();
                confirmed.ForEach(id => _pendingUpdates.Remove(id));
                if (confirmed.Count > 0)
                {
                    Changed();
                }

                var batch = _pendingUpdates.Where(pending => pending.Key >= offset).Take(limit).Select(pending => pending.Value).ToList();
                remaining = longPoll - clock.Elapsed;
                if (batch.Count > 0 || remaining <= TimeSpan.Zero)
                {
                    return $"[{string.Join(',', batch)}]";
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The long poll ran out; the next round answers whatever there is, possibly nothing.
            }
        }
    }

    private string SendMessage(FakeRequest request)
    {
        var chatId = request.ChatId();
        var text = request.String("text") ?? "";
        var parseMode = request.String("parse_mode");
        var visible = VisibleText(text, parseMode);
        if (string.IsNullOrWhiteSpace(visible))
        {
            throw FakeApiError.BadRequest("message text is empty");
        }

        if (visible.Length > MaxTextLength)
        {
            throw FakeApiError.BadRequest("message is too long");
        }

        var preview = request.Json("link_preview_options");
        var message = new DeliveredMessage("sendMessage", chatId, MessageId: 0, Now)
        {
            Text = text,
            VisibleText = visible,
            ParseMode = parseMode,
            ReplyMarkupJson = request.Json("reply_markup")?.ToJsonString(Readable),
            LinkPreviewDisabled = preview?["is_disabled"]?.GetValue<bool>() == true || request.Bool("disable_web_page_preview"),
        };
        return Send(message);
    }

    private string SendDocument(FakeRequest request) => SendFile(request, "sendDocument", "document");

    private string SendPhoto(FakeRequest request) => SendFile(request, "sendPhoto", "photo");

    private string SendFile(FakeRequest request, string method, string field)
    {
        var chatId = request.ChatId();
        var file = request.File(field) ?? throw FakeApiError.BadRequest($"there is no {field} in the request");
        var caption = request.String("caption");
        var parseMode = request.String("parse_mode");
        var visible = caption is null ? null : VisibleText(caption, parseMode);
        if (visible?.Length > MaxCaptionLength)
        {
            throw FakeApiError.BadRequest("message caption is too long");
        }

        var message = new DeliveredMessage(method, chatId, MessageId: 0, Now)
        {
            Text = caption,
            VisibleText = visible,
            ParseMode = parseMode,
            ReplyMarkupJson = request.Json("reply_markup")?.ToJsonString(Readable),
            FileName = file.FileName,
            FileContent = file.Content,
        };
        return Send(message, file);
    }

    private string Send(DeliveredMessage message, FakeUpload? document = null)
    {
        lock (_gate)
        {
            EnsureNotBlocked(message.ChatId);
            EnforceRateLimits(message.ChatId);
            var sent = message with { MessageId = NextMessageId(message.ChatId) };
            Deliver(sent);
            return MessageJson(sent, document).ToJsonString();
        }
    }

    private string EditMessageText(FakeRequest request)
    {
        var chatId = request.ChatId();
        var messageId = request.MessageId();
        var text = request.String("text") ?? "";
        var parseMode = request.String("parse_mode");
        var visible = VisibleText(text, parseMode);
        if (string.IsNullOrWhiteSpace(visible))
        {
            throw FakeApiError.BadRequest("message text is empty");
        }

        var markup = request.Json("reply_markup")?.ToJsonString(Readable);
        var preview = request.Json("link_preview_options");
        return Edit(chatId, messageId, "editMessageText", current => current with
        {
            Text = text,
            VisibleText = visible,
            ParseMode = parseMode,
            // An edit without reply_markup removes the inline keyboard, as in Telegram.
            ReplyMarkupJson = markup,
            LinkPreviewDisabled = preview?["is_disabled"]?.GetValue<bool>() == true,
        });
    }

    private string EditMessageReplyMarkup(FakeRequest request)
    {
        var markup = request.Json("reply_markup")?.ToJsonString(Readable);
        return Edit(request.ChatId(), request.MessageId(), "editMessageReplyMarkup", current => current with { ReplyMarkupJson = markup });
    }

    private string Edit(long chatId, int messageId, string method, Func<DeliveredMessage, DeliveredMessage> change)
    {
        lock (_gate)
        {
            EnsureNotBlocked(chatId);
            var current = _visible.GetValueOrDefault((chatId, messageId)) ?? throw FakeApiError.BadRequest("message to edit not found");
            var edited = change(current) with { Method = method, At = Now };
            if (edited.Text == current.Text && edited.ReplyMarkupJson == current.ReplyMarkupJson)
            {
                throw new FakeApiError(400, MessageNotModifiedDescription);
            }

            Deliver(edited);
            return MessageJson(edited, document: null).ToJsonString();
        }
    }

    private string DeleteMessage(FakeRequest request)
    {
        var chatId = request.ChatId();
        var messageId = request.MessageId();
        lock (_gate)
        {
            EnsureNotBlocked(chatId);
            if (!_visible.Remove((chatId, messageId)))
            {
                throw FakeApiError.BadRequest("message to delete not found");
            }

            Changed();
            return "true";
        }
    }

    private string AnswerCallbackQuery(FakeRequest request)
    {
        var id = request.String("callback_query_id") ?? throw FakeApiError.BadRequest("query_id is empty");
        lock (_gate)
        {
            // A query can be answered once, and only if it was sent out; Telegram says the same for both.
            if (!_openCallbackQueries.Remove(id))
            {
                throw FakeApiError.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            _callbackAnswers.Add(new CallbackAnswer(id, request.String("text"), request.Bool("show_alert"), Now));
            Changed();
            return "true";
        }
    }

    private string SetMyCommands(FakeRequest request)
    {
        var commands = (request.Json("commands") as JsonArray ?? throw FakeApiError.BadRequest("parameter \"commands\" is required"))
            .Select(command => new BotCommand((string?)command?["command"] ?? "", (string?)command?["description"] ?? ""))
            .ToList();
        if (commands.Any(command => !CommandName().IsMatch(command.Command)))
        {
            throw FakeApiError.BadRequest("BOT_COMMAND_INVALID");
        }

        if (commands.Any(command => command.Description.Length is < 1 or > 256))
        {
            throw FakeApiError.BadRequest("command description must be non-empty");
        }

        lock (_gate)
        {
            _commands = commands;
            Changed();
            return "true";
        }
    }

    private string SetWebhook(FakeRequest request)
    {
        var url = request.String("url") ?? "";
        var secret = request.String("secret_token");
        if (url.Length > 0 && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw FakeApiError.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            throw FakeApiError.BadRequest("secret token contains unallowed characters");
        }

        var drop = request.Bool("drop_pending_updates");
        lock (_gate)
        {
            _webhook = url.Length > 0 ? new WebhookRegistration(url, secret, drop) : null;
            if (drop)
            {
                _pendingUpdates.Clear();
            }

            Changed();
            return "true";
        }
    }

    private string DeleteWebhook(FakeRequest request)
    {
        var drop = request.Bool("drop_pending_updates");
        lock (_gate)
        {
            _webhook = null;
            if (drop)
            {
                _pendingUpdates.Clear();
            }

            Changed();
            return "true";
        }
    }

    private static string VisibleText(string text, string? parseMode) =>
        string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase) ? TelegramHtml.ToVisibleText(text) : text;

    // ---- Under _gate ----

    /// <summary>The outage's answer, else the next scripted one, else a random fault, else null for normal handling.</summary>
    private ScriptedResponse? NextFault(string method, long? chatId)
    {
        if (_outage.Count > 0)
        {
            return _outage[_outageCalls++ % _outage.Count];
        }

        // A blocked chat answers 403 whatever the script says, so a scripted answer waits for a call that can take it;
        // otherwise a test's count of scripted failures would depend on which chat happened to draw it.
        var blocked = chatId is { } id && _blockedChats.Contains(id);
        if (!blocked && _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var next))
        {
            return next;
        }

        if (_faultDraw?.Next(method) is not { } kind)
        {
            return null;
        }

        _injectedFaults[kind] = _injectedFaults.GetValueOrDefault(kind) + 1;
        return _options.RandomFaults!.Response(kind);
    }

    private DateTimeOffset Now => _options.Time.GetUtcNow();

    private void EnsureNotBlocked(long chatId)
    {
        if (_blockedChats.Contains(chatId))
        {
            throw new FakeApiError(403, "Forbidden: bot was blocked by the user");
        }
    }

    private void EnforceRateLimits(long chatId)
    {
        if (_options.RateLimits is not { } limits)
        {
            return;
        }

        var now = Now;
        if (!_recentSendsPerChat.TryGetValue(chatId, out var chatSends))
        {
            _recentSendsPerChat[chatId] = chatSends = new Queue<DateTimeOffset>();
        }

        Forget(_recentSends, now - limits.Window);
        Forget(chatSends, now - limits.Window);

        // The sends in a window never exceed the limit, so the oldest one leaving frees the next slot.
        var wait = TimeSpan.Zero;
        if (_recentSends.Count >= limits.Overall)
        {
            wait = _recentSends.Peek() + limits.Window - now;
        }

        if (chatSends.Count >= limits.PerChat)
        {
            wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (chatSends.Peek() + limits.Window - now).Ticks));
        }

        if (wait > TimeSpan.Zero)
        {
            _rateLimitedCount++;
            Changed();
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            throw new FakeApiError(429, $"Too Many Requests: retry after {seconds}", seconds);
        }

        _recentSends.Enqueue(now);
        chatSends.Enqueue(now);

        static void Forget(Queue<DateTimeOffset> sends, DateTimeOffset before)
        {
            while (sends.TryPeek(out var oldest) && oldest <= before)
            {
                sends.Dequeue();
            }
        }
    }

    /// <summary>Message ids count up per chat, shared by the user's and the bot's messages, as in private chats.</summary>
    private int NextMessageId(long chatId) => _lastMessageIds[chatId] = _lastMessageIds.GetValueOrDefault(chatId) + 1;

    private void Deliver(DeliveredMessage message)
    {
        _delivered.Add(message);
        _visible[(message.ChatId, message.MessageId)] = message;
        Changed();
    }

    private void Changed()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private JsonObject MessageJson(DeliveredMessage message, FakeUpload? document)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = UserJson(Bot),
            ["chat"] = ChatJson(message.ChatId),
            ["date"] = message.At.ToUnixTimeSeconds(),
        };
        if (message.Method.StartsWith("edit", StringComparison.Ordinal))
        {
            json["edit_date"] = Now.ToUnixTimeSeconds();
        }

        if (document is not null && message.Method == "sendPhoto")
        {
            json["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = $"PHOTO-{message.ChatId}-{message.MessageId}",
                ["file_unique_id"] = $"P{message.ChatId}x{message.MessageId}",
                ["file_size"] = document.Content.Length,
            });
        }
        else if (document is not null)
        {
            json["document"] = new JsonObject
            {
                ["file_name"] = document.FileName,
                ["mime_type"] = document.ContentType,
                ["file_id"] = $"DOC-{message.ChatId}-{message.MessageId}",
                ["file_unique_id"] = $"U{message.ChatId}x{message.MessageId}",
                ["file_size"] = document.Content.Length,
            };
        }

        json[document is null ? "text" : "caption"] = message.VisibleText;
        // Telegram echoes only an inline keyboard; reply keyboards live on the client side.
        if (message.ReplyMarkupJson is { } markup && JsonNode.Parse(markup) is JsonObject inline && inline.ContainsKey("inline_keyboard"))
        {
            json["reply_markup"] = inline;
        }

        return json;
    }

    private static JsonObject UserJson(User user) => new()
    {
        ["id"] = user.Id,
        ["is_bot"] = user.IsBot,
        ["first_name"] = user.FirstName,
        ["username"] = user.Username,
        ["can_join_groups"] = true,
        ["supports_inline_queries"] = false,
    };

    private static JsonObject ChatJson(long chatId) => chatId > 0
        ? new JsonObject { ["id"] = chatId, ["first_name"] = UserFor(chatId).FirstName, ["type"] = "private" }
        : new JsonObject { ["id"] = chatId, ["title"] = $"Group {chatId}", ["type"] = "supergroup" };

    private static User UserFor(long userId) =>
        new() { Id = userId, FirstName = $"User{userId.ToString(CultureInfo.InvariantCulture)}", LanguageCode = "ru" };

    private static Chat ChatFor(long chatId) => chatId > 0
        ? new Chat { Id = chatId, Type = ChatType.Private }
        : new Chat { Id = chatId, Type = ChatType.Supergroup, Title = $"Group {chatId}" };

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
