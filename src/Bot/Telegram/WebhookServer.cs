using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Webhook mode: a small Kestrel server behind the reverse proxy. Telegram's secret header is checked on every
/// request; the update is committed before 200 is answered, so a failure makes Telegram retry it.
/// </summary>
public sealed class WebhookServer(
    ITelegramBotClient telegram,
    UpdateBatchHandler updates,
    IOptions<TelegramOptions> options,
    ILogger<WebhookServer> logger) : IHostedService, IAsyncDisposable
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private WebApplication? _app;

    /// <summary>The address the server actually listens on (useful when the port is 0).</summary>
    public string? ListeningUrl => _app?.Urls.FirstOrDefault();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add(settings.WebhookListenUrl);
        _app.MapPost(settings.WebhookPath, (Delegate)HandleAsync);
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Webhook server listening on {Url}", ListeningUrl);

        await telegram.SetWebhookAsync(
            new SetWebhookRequest { Url = settings.WebhookUrl, SecretToken = settings.WebhookSecret, AllowedUpdates = TelegramOptions.AllowedUpdates },
            cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        if (!HasValidSecret(http.Request.Headers[SecretHeader].ToString()))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync(http.Request.Body, TelegramJsonContext.Default.Update, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (update is null)
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
