using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// <see cref="IBotApi"/> over Telegram.Bot's <see cref="TelegramBotClient"/>. What this adds to the library:
/// a deadline per call, no retries of its own (the outbox alone decides when to try again), updates read one by one,
/// an answer that came back but cannot be read counted as delivered, and errors that never carry the bot token.
/// </summary>
/// <remarks>The HttpClient's own timeout should be infinite: each call enforces its own, see <see cref="GetUpdatesAsync"/>.</remarks>
public sealed class BotApiClient : IBotApi
{
    private const string TokenPlaceholder = "<token>";
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    private readonly TelegramOptions _options;
    private readonly TelegramBotClient _client;
    private readonly ILogger _logger;

    public BotApiClient(HttpClient httpClient, IOptions<TelegramOptions> options, ILogger<BotApiClient> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (!_options.IsConfigured)
        {
            throw new InvalidOperationException($"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)} is not configured.");
        }
        // The library would otherwise sleep inside a call on 429 and try again; the outbox's limiter and backoff decide instead.
        // A base URL makes the library treat the server as a local Bot API server, so Telegram's own is left implicit.
        var customServer = _options.ApiBaseUrl.TrimEnd('/') == TelegramOptions.TelegramApiUrl ? null : _options.ApiBaseUrl;
        var clientOptions = new TelegramBotClientOptions(_options.BotToken, customServer) { RetryThreshold = 0, RetryCount = 0 };
        _client = new TelegramBotClient(clientOptions, httpClient);
    }

    private TimeSpan RequestTimeout => TimeSpan.FromSeconds(_options.RequestTimeoutSeconds);

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        CallAsync("getMe", ct => _client.GetMe(ct), RequestTimeout, cancellationToken);

    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken = default)
    {
        // Telegram holds a long poll open for up to timeoutSeconds when nothing is new,
        // so the HTTP deadline is that plus the ordinary allowance, never the allowance alone.
        var timeout = TimeSpan.FromSeconds(Math.Max(timeoutSeconds, 0) + _options.RequestTimeoutSeconds);
        var request = new GetUpdatesAsJsonRequest { Offset = offset, Timeout = timeoutSeconds, AllowedUpdates = TelegramOptions.AllowedUpdates };
        var batch = await CallAsync("getUpdates", ct => _client.SendRequest(request, ct), timeout, cancellationToken);
        var updates = new List<Update>(batch.Length);
        foreach (var element in batch)
        {
            if (ReadUpdate(element) is { } update)
            {
                updates.Add(update);
            }
        }
        return updates;
    }

    /// <summary>
    /// One update of a batch, read on its own: one the library cannot read (a field of a type it does not expect) must
    /// neither hold up the rest of the batch nor come back for ever. It is passed on bare, with its id only.
    /// </summary>
    private Update? ReadUpdate(JsonElement element)
    {
        if (UpdateJson.TryRead(element) is { } update)
        {
            return update;
        }
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt32(out var updateId))
        {
            _logger.UnreadableUpdateSkipped(updateId);
            return new Update { Id = updateId };
        }
        _logger.UpdateWithoutIdDropped();
        return null;
    }

    public Task<Message?> SendMessageAsync(long chatId, string html, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        DeliverAsync("sendMessage", ct => _client.SendMessage(
            chatId, html, ParseMode.Html, linkPreviewOptions: NoPreview, replyMarkup: replyMarkup, cancellationToken: ct), cancellationToken);

    public Task<Message?> EditMessageTextAsync(
        long chatId, int messageId, string html, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        DeliverAsync("editMessageText", ct => _client.EditMessageText(
            chatId, messageId, html, ParseMode.Html, linkPreviewOptions: NoPreview, replyMarkup: replyMarkup, cancellationToken: ct), cancellationToken);

    public Task<Message?> EditMessageReplyMarkupAsync(
        long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        DeliverAsync("editMessageReplyMarkup", ct => _client.EditMessageReplyMarkup(
            chatId, messageId, replyMarkup, cancellationToken: ct), cancellationToken);

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default) =>
        DeliverAsync("answerCallbackQuery", ct => _client.AnswerCallbackQuery(callbackQueryId, text, showAlert, cancellationToken: ct), cancellationToken);

    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) =>
        DeliverAsync("deleteMessage", ct => _client.DeleteMessage(chatId, messageId, ct), cancellationToken);

    public Task<Message?> SendDocumentAsync(
        long chatId, OutgoingFile document, string? captionHtml = null, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        DeliverAsync("sendDocument", ct => _client.SendDocument(
            chatId, Upload(document), captionHtml, ParseMode.Html, replyMarkup: replyMarkup, cancellationToken: ct), cancellationToken);

    public Task<Message?> SendPhotoAsync(long chatId, OutgoingFile photo, string? captionHtml = null, CancellationToken cancellationToken = default) =>
        DeliverAsync("sendPhoto", ct => _client.SendPhoto(
            chatId, Upload(photo), captionHtml, ParseMode.Html, cancellationToken: ct), cancellationToken);

    public async Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default)
    {
        var file = await CallAsync("getFile", ct => _client.GetFile(fileId, ct), RequestTimeout, cancellationToken);
        if (file.FileSize > maxBytes)
        {
            throw new TelegramFileTooLargeException(maxBytes);
        }
        if (string.IsNullOrEmpty(file.FilePath))
        {
            throw Transport("getFile", "the answer carried no file_path");
        }
        var content = new BoundedBuffer(maxBytes);
        try
        {
            await CallAsync("getFile", ct => _client.DownloadFile(file.FilePath, content, ct), cancellationToken);
        }
        catch (TelegramTransportException error) when (error.InnerException?.InnerException is TelegramFileTooLargeException tooLarge)
        {
            throw tooLarge;
        }
        return content.ToArray();
    }

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) =>
        CallAsync("setMyCommands", ct => _client.SetMyCommands(commands, cancellationToken: ct), cancellationToken);

    public Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken = default) =>
        CallAsync("setWebhook", ct => _client.SetWebhook(
            url, allowedUpdates: TelegramOptions.AllowedUpdates, secretToken: secretToken, cancellationToken: ct), cancellationToken);

    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) =>
        CallAsync("deleteWebhook", ct => _client.DeleteWebhook(dropPendingUpdates, ct), cancellationToken);

    private static InputFileStream Upload(OutgoingFile file) =>
        InputFile.FromStream(new MemoryStream(file.Content, writable: false), QuotableFileName(file.FileName));

    /// <summary>The library writes the name raw into filename="…" (as UTF-8, which Telegram expects), so quotes must go.</summary>
    private static string QuotableFileName(string fileName) =>
        string.Concat(fileName.Select(c => c is '"' or '\\' || char.IsControl(c) ? '_' : c));

    /// <summary>
    /// A call whose effect matters more than its answer. Telegram answers every failure with an error status, so an
    /// answer with HTTP 200 that cannot be read (an emulator's date in milliseconds, a null result) means the call was
    /// taken: it counts as delivered, with nothing known of the message, and is never made again.
    /// </summary>
    private async Task<Message?> DeliverAsync(string method, Func<CancellationToken, Task<Message>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(method, call, RequestTimeout, cancellationToken);
        }
        catch (TelegramTransportException error) when (error.InnerException is RequestException answer && AnsweredButUnreadable(answer))
        {
            _logger.UnreadableAnswerTakenAsDelivered(method);
            return null;
        }
    }

    /// <summary>
    /// HTTP 200 with JSON that the library could not take as the method's result: no result at all, or a value its
    /// model rejects. A body that is not JSON, or that broke off, proves nothing and stays a transport error.
    /// </summary>
    private static bool AnsweredButUnreadable(RequestException error) =>
        error.HttpStatusCode == HttpStatusCode.OK && error.InnerException switch
        {
            null => true,
            // A syntax error comes wrapped around the reader's own JsonException; a value of the wrong type does not.
            JsonException { InnerException: JsonException } => false,
            IOException or HttpRequestException or OperationCanceledException => false,
            var other => UpdateJson.IsUnreadable(other),
        };

    private async Task DeliverAsync(string method, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await DeliverAsync(method, async ct =>
        {
            await call(ct);
            return null!;
        }, cancellationToken);

    private async Task CallAsync(string method, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await CallAsync(method, async ct =>
        {
            await call(ct);
            return true;
        }, RequestTimeout, cancellationToken);

    /// <summary>Runs one library call within its deadline, and turns what it throws into the port's two errors.</summary>
    private async Task<T> CallAsync<T>(string method, Func<CancellationToken, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await call(deadline.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException error)
        {
            // Our deadline, or HttpClient.Timeout if someone set a shorter one: either way no answer came in time.
            throw Transport(method, $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", error);
        }
        catch (ApiRequestException error)
        {
            throw new TelegramApiException(
                method, error.ErrorCode, Redact(error.Message), error.Parameters?.RetryAfter, error.Parameters?.MigrateToChatId);
        }
        catch (RequestException error)
        {
            throw Transport(method, Describe(error), error);
        }
    }

    private static string Describe(RequestException error) => error switch
    {
        { HttpStatusCode: { } status, InnerException: not null } =>
            $"the answer is not Bot API JSON the library can read (HTTP {(int)status})",
        { HttpStatusCode: { } status } => $"the answer lacks what the Bot API always sends (HTTP {(int)status})",
        { InnerException: HttpRequestException http } => Describe(http),
        { InnerException: TaskCanceledException } => "no answer in time",
        _ => "the HTTP exchange failed",
    };

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the Bot API host name could not be resolved",
        HttpRequestError.ConnectionError => "could not connect to the Bot API, or the connection was dropped",
        HttpRequestError.SecureConnectionError => "the TLS handshake with the Bot API failed",
        HttpRequestError.ResponseEnded => "the connection closed before a complete answer arrived",
        HttpRequestError.ProxyTunnelError => "the proxy refused to tunnel to the Bot API",
        _ when exception.InnerException is IOException => "the connection broke during the exchange",
        var error => $"the HTTP exchange failed ({error})",
    };

    private TelegramTransportException Transport(string method, string reason, Exception? inner = null)
    {
        // Framework exceptions may some day quote the request URI; an inner exception whose text holds the token is dropped.
        if (inner is not null && ContainsToken(inner.ToString()))
        {
            return new TelegramTransportException(method, reason + " (details withheld: they contain the bot token)");
        }

        return new TelegramTransportException(method, reason, inner);
    }

    private bool ContainsToken(string text) => text.Contains(_options.BotToken, StringComparison.Ordinal);

    private string Redact(string text) => text.Replace(_options.BotToken, TokenPlaceholder, StringComparison.Ordinal);

    /// <summary>getUpdates as the library sends it, with the answer kept as JSON so that each update is read on its own.</summary>
    private sealed class GetUpdatesAsJsonRequest() : RequestBase<JsonElement[]>("getUpdates")
    {
        public long? Offset { get; init; }

        /// <summary>Long-poll seconds.</summary>
        public int Timeout { get; init; }

        public IEnumerable<UpdateType>? AllowedUpdates { get; init; }
    }

    /// <summary>Collects a download, and stops it as soon as it would pass the limit.</summary>
    private sealed class BoundedBuffer(long maxBytes) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        private void Check(int count)
        {
            if (Length + count > maxBytes)
            {
                throw new TelegramFileTooLargeException(maxBytes);
            }
        }
    }
}

internal static partial class BotApiClientLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} could not be read and is skipped")]
    public static partial void UnreadableUpdateSkipped(this ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An update without a readable id was dropped from a getUpdates answer")]
    public static partial void UpdateWithoutIdDropped(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} was answered with HTTP 200 but the answer could not be read; taken as delivered")]
    public static partial void UnreadableAnswerTakenAsDelivered(this ILogger logger, string method);
}
