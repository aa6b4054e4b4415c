using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MentorBot.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Webhook mode: a small Kestrel server behind the reverse proxy. Telegram's secret header is checked on every
/// request; the update is committed before 200 is answered, so a failure makes Telegram retry it.
/// </summary>
public sealed class WebhookServer(
    IBotApi telegram,
    UpdateBatchHandler updates,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : LocalWebServer(loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<WebhookServer>();

    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    protected override string ListenUrl => options.Value.WebhookListenUrl;

    protected override void MapEndpoints(WebApplication app) => app.MapPost(options.Value.WebhookPath, (Delegate)HandleAsync);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        var settings = options.Value;
        // One 500 or 429 must not end the bot: Telegram is asked again until it answers.
        await BotApiRefusals.StartupCallAsync("setWebhook", ct => telegram.SetWebhookAsync(settings.WebhookUrl, settings.WebhookSecret, ct),
            clock, _logger, cancellationToken);
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        if (!HasValidSecret(http.Request.Headers[SecretHeader].ToString()))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        // Telegram does not send what its own model cannot read; 400 tells whoever did.
        if (UpdateJson.TryRead(body) is not { } update)
        {
            return Results.BadRequest();
        }
        await updates.HandleOneAsync(update, http.RequestAborted);
        return Results.Ok();
    }

    private bool HasValidSecret(string presented)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret);
        var actual = Encoding.UTF8.GetBytes(presented);
        return expected.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
