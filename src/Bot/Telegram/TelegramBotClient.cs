using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// The Bot API over HttpClient: every call is a POST to {ApiBaseUrl}/bot{token}/{method}. The token lives in
/// that URL only, so nothing thrown here carries the URL or any text that contains the token.
/// </summary>
/// <remarks>The HttpClient's own timeout should be infinite: each call enforces its own, see <see cref="GetUpdatesAsync"/>.</remarks>
public sealed class TelegramBotClient(HttpClient httpClient, IOptions<TelegramOptions> options, ILogger<TelegramBotClient>? logger = null) : ITelegramBotClient
{
    private const string TokenPlaceholder = "<token>";
    private static readonly TelegramJsonContext Json = TelegramJsonContext.Default;

    private readonly TelegramOptions _options = options.Value;

    private TimeSpan RequestTimeout => TimeSpan.FromSeconds(_options.RequestTimeoutSeconds);

    public async Task<User> GetMeAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("getMe", content: null, RequestTimeout, cancellationToken);
        return ReadResult("getMe", result, Json.User);
    }

    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken = default)
    {
        // Telegram holds a long poll open for up to request.Timeout seconds when nothing is new,
        // so the HTTP deadline is that plus the ordinary allowance, never the allowance alone.
        var timeout = TimeSpan.FromSeconds(Math.Max(request.Timeout, 0) + _options.RequestTimeoutSeconds);
        var result = await CallAsync("getUpdates", JsonBody(request, Json.GetUpdatesRequest), timeout, cancellationToken);
        if (result.ValueKind != JsonValueKind.Array)
        {
            return ReadResult("getUpdates", result, Json.UpdateArray);
        }
        var updates = new List<Update>(result.GetArrayLength());
        foreach (var element in result.EnumerateArray())
        {
            if (ReadUpdate(element) is { } update)
            {
                updates.Add(update);
            }
        }
        return updates;
    }

    /// <summary>
    /// One update of a batch, read on its own: one that our model cannot read (a known field of a type we do not
    /// expect) must neither hold up the rest of the batch nor come back for ever. It is passed on bare, with its id
    /// only, so that it is confirmed and ignored like an update of an unknown kind.
    /// </summary>
    private Update? ReadUpdate(JsonElement element)
    {
        try
        {
            return element.Deserialize(Json.Update);
        }
        catch (JsonException)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var updateId))
            {
                logger?.LogWarning("Update {UpdateId} could not be read and is skipped", updateId);
                return new Update { UpdateId = updateId };
            }
            logger?.LogWarning("An update without a readable id was dropped from a getUpdates answer");
            return null;
        }
    }

    public async Task<Message?> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        ReadMessage("sendMessage", await CallAsync("sendMessage", JsonBody(request, Json.SendMessageRequest), RequestTimeout, cancellationToken));

    public async Task<Message?> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken cancellationToken = default) =>
        ReadMessage("editMessageText", await CallAsync("editMessageText", JsonBody(request, Json.EditMessageTextRequest), RequestTimeout, cancellationToken));

    public async Task<Message?> EditMessageReplyMarkupAsync(EditMessageReplyMarkupRequest request, CancellationToken cancellationToken = default) =>
        ReadMessage("editMessageReplyMarkup", await CallAsync("editMessageReplyMarkup", JsonBody(request, Json.EditMessageReplyMarkupRequest), RequestTimeout, cancellationToken));

    public Task AnswerCallbackQueryAsync(AnswerCallbackQueryRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("answerCallbackQuery", JsonBody(request, Json.AnswerCallbackQueryRequest), RequestTimeout, cancellationToken);

    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) =>
        CallAsync("deleteMessage", JsonBody(new DeleteMessageRequest(chatId, messageId), Json.DeleteMessageRequest), RequestTimeout, cancellationToken);

    public async Task<Message?> SendDocumentAsync(SendDocumentRequest request, CancellationToken cancellationToken = default) =>
        ReadMessage("sendDocument", await CallAsync("sendDocument", UploadBody(request.ChatId, "document", request.FileName, request.Content,
            request.ContentType, request.Caption, request.ReplyMarkup), RequestTimeout, cancellationToken));

    public async Task<Message?> SendPhotoAsync(SendPhotoRequest request, CancellationToken cancellationToken = default) =>
        ReadMessage("sendPhoto", await CallAsync("sendPhoto", UploadBody(request.ChatId, "photo", request.FileName, request.Content,
            request.ContentType, request.Caption, replyMarkup: null), RequestTimeout, cancellationToken));

    public async Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default)
    {
        var file = ReadResult("getFile", await CallAsync("getFile", JsonBody(new GetFileRequest(fileId), Json.GetFileRequest), RequestTimeout, cancellationToken), Json.TelegramFile);
        if (file.FileSize > maxBytes)
        {
            throw new TelegramFileTooLargeException(maxBytes);
        }
        if (string.IsNullOrEmpty(file.FilePath))
        {
            throw Transport("getFile", "the answer carried no file_path");
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RequestTimeout);
        try
        {
            using var response = await httpClient.GetAsync(FileUri(file.FilePath), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Transport("getFile", $"the file download answered HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new TelegramFileTooLargeException(maxBytes);
            }
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, deadline.Token)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    throw new TelegramFileTooLargeException(maxBytes);
                }
                content.Write(buffer, 0, read);
            }
            return content.ToArray();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw Transport("getFile", "the file did not arrive in time", ex);
        }
        catch (HttpRequestException ex)
        {
            throw Transport("getFile", Describe(ex), ex);
        }
        catch (IOException ex)
        {
            throw Transport("getFile", "the connection broke while the file was being read", ex);
        }
    }

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) =>
        CallAsync("setMyCommands", JsonBody(new SetMyCommandsRequest(commands), Json.SetMyCommandsRequest), RequestTimeout, cancellationToken);

    public Task SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("setWebhook", JsonBody(request, Json.SetWebhookRequest), RequestTimeout, cancellationToken);

    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) =>
        CallAsync("deleteWebhook", JsonBody(new DeleteWebhookRequest(dropPendingUpdates), Json.DeleteWebhookRequest), RequestTimeout, cancellationToken);

    /// <summary>Sends one call and returns its result element once ok=true; Undefined when the answer had none.</summary>
    private async Task<JsonElement> CallAsync(string method, HttpContent? content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method)) { Content = content };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);

        HttpStatusCode status;
        string? mediaType;
        byte[] body;
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            status = response.StatusCode;
            mediaType = response.Content.Headers.ContentType?.MediaType;
            body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            // Our deadline, or HttpClient.Timeout if someone set a shorter one: either way no answer came in time.
            throw Transport(method, $"no answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw Transport(method, Describe(ex), ex);
        }
        catch (IOException ex)
        {
            throw Transport(method, "the connection broke while the answer was being read", ex);
        }

        return ReadEnvelope(method, status, mediaType, body);
    }

    private JsonElement ReadEnvelope(string method, HttpStatusCode status, string? mediaType, byte[] body)
    {
        // Telegram answers errors with 4xx/5xx and the same JSON envelope, and could in principle say ok=false on a 200,
        // so the envelope decides; the HTTP status only fills in when error_code is missing.
        ApiResponse? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, Json.ApiResponse);
        }
        catch (JsonException ex)
        {
            throw Transport(method, NotBotApiJson(status, mediaType, body.Length), ex);
        }

        if (envelope?.Ok is not { } ok)
        {
            throw Transport(method, NotBotApiJson(status, mediaType, body.Length));
        }

        if (!ok)
        {
            throw new TelegramApiException(
                method,
                envelope.ErrorCode ?? (int)status,
                Redact(envelope.Description ?? status.ToString()),
                envelope.Parameters?.RetryAfter,
                envelope.Parameters?.MigrateToChatId);
        }

        return envelope.Result;
    }

    private T ReadResult<T>(string method, JsonElement result, JsonTypeInfo<T> type) where T : class
    {
        if (result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            throw Transport(method, "the answer said ok but carried no result");
        }

        try
        {
            return result.Deserialize(type) ?? throw Transport(method, "the answer said ok but carried no result");
        }
        catch (JsonException ex)
        {
            throw Transport(method, $"the result is not a {typeof(T).Name}", ex);
        }
    }

    /// <summary>Methods that return a Message may also answer a bare true (inline messages) or null.</summary>
    private Message? ReadMessage(string method, JsonElement result) =>
        result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.True
            ? null
            : ReadResult(method, result, Json.Message);

    private Uri MethodUri(string method)
    {
        if (!_options.IsConfigured)
        {
            throw new InvalidOperationException($"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)} is not configured.");
        }

        return new Uri($"{_options.ApiBaseUrl.TrimEnd('/')}/bot{_options.BotToken}/{method}", UriKind.Absolute);
    }

    /// <summary>{ApiBaseUrl}/file/bot{token}/{file_path}: like the method URI, it holds the token and never leaves this class.</summary>
    private Uri FileUri(string filePath) =>
        new($"{_options.ApiBaseUrl.TrimEnd('/')}/file/bot{_options.BotToken}/{filePath.TrimStart('/')}", UriKind.Absolute);

    private static ByteArrayContent JsonBody<T>(T value, JsonTypeInfo<T> type)
    {
        // Serialized up front so the request has a Content-Length rather than a chunked body.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static MultipartFormDataContent UploadBody(
        long chatId, string field, string fileName, byte[] content, string contentType, string? caption, InlineKeyboardMarkup? replyMarkup)
    {
        // Telegram expects a non-ASCII file name as raw UTF-8 in filename="..."; .NET would otherwise write it
        // RFC 2047-encoded, and Russian file names would arrive as "=?utf-8?B?...?=".
        var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        form.Add(new StringContent(chatId.ToString(CultureInfo.InvariantCulture)), "chat_id");

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename=\"{QuotableFileName(fileName)}\"");
        form.Add(file);

        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
            form.Add(new StringContent("HTML"), "parse_mode");
        }

        if (replyMarkup is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(replyMarkup, Json.InlineKeyboardMarkup)), "reply_markup");
        }

        return form;
    }

    private static string QuotableFileName(string fileName) =>
        string.Concat(fileName.Select(c => c is '"' or '\\' || char.IsControl(c) ? '_' : c));

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

    private static string NotBotApiJson(HttpStatusCode status, string? mediaType, int length) =>
        $"the answer is not Bot API JSON (HTTP {(int)status}, {mediaType ?? "no content type"}, {length} bytes)";

    private TelegramTransportException Transport(string method, string reason, Exception? inner = null)
    {
        // Framework exceptions may some day quote the request URI; an inner exception whose text holds the token is dropped.
        if (inner is not null && ContainsToken(inner.ToString()))
        {
            return new TelegramTransportException(method, reason + " (details withheld: they contain the bot token)");
        }

        return new TelegramTransportException(method, reason, inner);
    }

    private bool ContainsToken(string text) =>
        _options.BotToken.Length > 0 && text.Contains(_options.BotToken, StringComparison.Ordinal);

    private string Redact(string text) =>
        _options.BotToken.Length > 0 ? text.Replace(_options.BotToken, TokenPlaceholder, StringComparison.Ordinal) : text;
}
