using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MentorBot.Bot.Tests.Fakes;

/// <summary>
/// The parameters of one Bot API call, whichever of Telegram's ways they came in: query string,
/// JSON body, urlencoded or multipart form. Form fields carry JSON objects as text, as Telegram expects.
/// </summary>
internal sealed class FakeRequest
{
    private readonly Dictionary<string, JsonNode?> _fields;
    private readonly Dictionary<string, FakeUpload> _files;

    private FakeRequest(Dictionary<string, JsonNode?> fields, Dictionary<string, FakeUpload> files)
    {
        _fields = fields;
        _files = files;
    }

    public static async Task<FakeRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var files = new Dictionary<string, FakeUpload>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            fields[name] = JsonValue.Create(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form)
            {
                fields[name] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, cancellationToken);
                files[file.Name] = new FakeUpload(file.FileName, file.ContentType, content.ToArray());
            }

            // A field may name its file by reference, "attach://<part name>", as the Bot API allows.
            foreach (var (name, value) in form)
            {
                if (value.ToString() is ['a', 't', 't', 'a', 'c', 'h', ':', '/', '/', .. var part] && files.TryGetValue(part, out var attached))
                {
                    files[name] = attached;
                }
            }
        }
        else if (request.HasJsonContentType())
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                throw FakeApiError.BadRequest("can't parse JSON object");
            }

            if (body is not JsonObject parameters)
            {
                throw FakeApiError.BadRequest("request body must be a JSON object");
            }

            foreach (var (name, value) in parameters)
            {
                fields[name] = value?.DeepClone();
            }
        }

        return new FakeRequest(fields, files);
    }

    public string? String(string name) => _fields.GetValueOrDefault(name) switch
    {
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public long? Long(string name) => _fields.GetValueOrDefault(name) switch
    {
        JsonValue value when value.TryGetValue(out long number) => number,
        JsonValue value when value.TryGetValue(out string? text) && long.TryParse(text, CultureInfo.InvariantCulture, out var parsed) => parsed,
        null => null,
        _ => throw FakeApiError.BadRequest($"invalid {name} specified"),
    };

    public bool Bool(string name) => _fields.GetValueOrDefault(name) switch
    {
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        JsonValue value when value.TryGetValue(out string? text) => text.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>An object or array parameter; a form field holding JSON text is parsed.</summary>
    public JsonNode? Json(string name)
    {
        var node = _fields.GetValueOrDefault(name);
        if (node is not JsonValue value || !value.TryGetValue(out string? text))
        {
            return node;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw FakeApiError.BadRequest($"can't parse {name} JSON object");
        }
    }

    public long ChatId() => Long("chat_id") ?? throw FakeApiError.BadRequest("chat_id is empty");

    public int MessageId() => (int)(Long("message_id") ?? throw FakeApiError.BadRequest("message identifier is not specified"));

    public FakeUpload? File(string name) => _files.GetValueOrDefault(name);
}

internal sealed record FakeUpload(string FileName, string ContentType, byte[] Content);

/// <summary>Thrown by the fake's handlers to answer {"ok":false,...}; the HTTP status is the error code, as Telegram does.</summary>
internal sealed class FakeApiError(int errorCode, string description, int? retryAfterSeconds = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;

    public static FakeApiError BadRequest(string detail) => new(400, $"Bad Request: {detail}");
}
