using System.Text;
using Microsoft.AspNetCore.Http;

namespace MentorBot.Bot.Tests.Fakes;

/// <summary>
/// One scripted answer to the next call of a method, queued with <see cref="FakeBotApi.Script"/>.
/// The texts are Telegram's own, so code that matches on them is tested against the real wording.
/// </summary>
public abstract record ScriptedResponse
{
    private const string NginxBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";

    private ScriptedResponse()
    {
    }

    /// <summary>Handled as if nothing were scripted; lets a script interleave faults with successes.</summary>
    public static ScriptedResponse Normal { get; } = new NormalHandling();

    /// <summary>{"ok":false,...} with HTTP status <paramref name="httpStatus"/>, by default the error code itself.</summary>
    public static ScriptedResponse ApiError(int errorCode, string description, int? retryAfterSeconds = null, int? httpStatus = null) =>
        new Error(errorCode, description, retryAfterSeconds, httpStatus ?? errorCode);

    public static ScriptedResponse TooManyRequests(int retryAfterSeconds) =>
        ApiError(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    public static ScriptedResponse InternalServerError() => ApiError(500, "Internal Server Error");

    /// <summary>What Telegram's front proxy really sends when the Bot API is down: HTML, not JSON.</summary>
    public static ScriptedResponse BadGateway() => Raw(502, NginxBadGateway, "text/html");

    public static ScriptedResponse BotBlocked() => ApiError(403, "Forbidden: bot was blocked by the user");

    public static ScriptedResponse MessageNotModified() => ApiError(400, FakeBotApi.MessageNotModifiedDescription);

    public static ScriptedResponse ChatNotFound() => ApiError(400, "Bad Request: chat not found");

    /// <summary>Waits, then handles the call normally; if the client gives up first, nothing is delivered.</summary>
    public static ScriptedResponse Delay(TimeSpan delay) => new Delayed(delay);

    /// <summary>Never answers: the call hangs until the client gives up, and nothing is handled.</summary>
    public static ScriptedResponse Hang() => new Hanging();

    /// <summary>Aborts the connection before any answer.</summary>
    public static ScriptedResponse DropConnection() => new Dropped();

    /// <summary>Sends half of a well-formed answer with its full Content-Length, then aborts the connection.</summary>
    public static ScriptedResponse TruncatedBody() => new Truncated();

    /// <summary>Handles the call (a message is delivered), then aborts the connection instead of answering.</summary>
    public static ScriptedResponse LoseAnswer() => new AnswerLost();

    public static ScriptedResponse MalformedJson() => Raw(200, """{"ok":true,"result":{"message_id":42,"date":}}""");

    /// <summary>{"ok":true,"result":<paramref name="resultJson"/>}, e.g. "null", "true" or a message with extra fields.</summary>
    public static ScriptedResponse Ok(string resultJson) => Raw(200, $$"""{"ok":true,"result":{{resultJson}}}""");

    public static ScriptedResponse Raw(int httpStatus, string body, string contentType = "application/json") =>
        new RawBody(httpStatus, body, contentType);

    /// <summary>Answers the call; false means: go on and handle it normally.</summary>
    internal abstract Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken);

    /// <summary>After handling the call normally, drop the connection rather than answer.</summary>
    internal virtual bool DropsAnswer => false;

    private sealed record NormalHandling : ScriptedResponse
    {
        internal override Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed record AnswerLost : ScriptedResponse
    {
        internal override bool DropsAnswer => true;

        internal override Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed record Error(int ErrorCode, string Description, int? RetryAfterSeconds, int HttpStatus) : ScriptedResponse
    {
        internal override async Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken)
        {
            await FakeBotApi.WriteJsonAsync(context, HttpStatus, FakeBotApi.ErrorJson(ErrorCode, Description, RetryAfterSeconds), cancellationToken);
            return true;
        }
    }

    private sealed record RawBody(int HttpStatus, string Body, string ContentType) : ScriptedResponse
    {
        internal override async Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = HttpStatus;
            context.Response.ContentType = ContentType;
            await context.Response.WriteAsync(Body, cancellationToken);
            return true;
        }
    }

    private sealed record Delayed(TimeSpan Duration) : ScriptedResponse
    {
        internal override async Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Duration, cancellationToken);
            return false;
        }
    }

    private sealed record Hanging : ScriptedResponse
    {
        internal override async Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return true;
        }
    }

    private sealed record Dropped : ScriptedResponse
    {
        internal override Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken)
        {
            context.Abort();
            return Task.FromResult(true);
        }
    }

    private sealed record Truncated : ScriptedResponse
    {
        internal override async Task<bool> RespondAsync(HttpContext context, CancellationToken cancellationToken)
        {
            var body = Encoding.UTF8.GetBytes("""{"ok":true,"result":{"message_id":1,"chat":{"id":1,"type":"private"},"date":1700000000,"text":"hello"}}""");
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            // A moment for the client to take in the headers and the first half, so the break comes mid-body.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            context.Abort();
            return true;
        }
    }
}
