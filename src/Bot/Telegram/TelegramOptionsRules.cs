using System.Text.RegularExpressions;
using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Telegram;

public sealed partial class TelegramOptionsRules : OptionsRules<TelegramOptions>
{
    protected override IEnumerable<string> Problems(TelegramOptions telegram)
    {
        if (telegram.IsConfigured && !BotTokenFormat().IsMatch(telegram.BotToken))
        {
            yield return "Telegram:BotToken does not look like a token from @BotFather: digits, a colon, then letters, digits, _ and - (no spaces or quotes).";
        }
        if (!IsHttpUrl(telegram.ApiBaseUrl))
        {
            yield return "Telegram:ApiBaseUrl must be an absolute http:// or https:// URL.";
        }
        else if (new Uri(telegram.ApiBaseUrl).AbsolutePath.Trim('/').Length > 0)
        {
            // Telegram.Bot keeps the scheme, host and port of a custom server and drops any path.
            yield return "Telegram:ApiBaseUrl must be a server address without a path, such as http://127.0.0.1:8081.";
        }
        if (telegram.PollingTimeoutSeconds < 0)
        {
            yield return "Telegram:PollingTimeoutSeconds must not be negative.";
        }
        if (telegram.RequestTimeoutSeconds < 1)
        {
            yield return "Telegram:RequestTimeoutSeconds must be at least 1.";
        }
        if (telegram.MaxConcurrentChats < 1)
        {
            yield return "Telegram:MaxConcurrentChats must be at least 1.";
        }
        if (telegram.WebhookSecret.Length > 0 && !WebhookSecretFormat().IsMatch(telegram.WebhookSecret))
        {
            yield return "Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret tokens).";
        }
        if (telegram.Mode != ReceiveMode.Webhook)
        {
            yield break;
        }
        if (!telegram.IsConfigured)
        {
            // Without a token the console chat would start, and on a server it would exit at once.
            yield return "Telegram:BotToken is required when Telegram:Mode is Webhook.";
        }
        if (string.IsNullOrWhiteSpace(telegram.WebhookUrl))
        {
            yield return "Telegram:WebhookUrl is required when Telegram:Mode is Webhook.";
        }
        else if (!Uri.TryCreate(telegram.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Telegram:WebhookUrl must be an absolute https:// URL: Telegram posts updates only over HTTPS.";
        }
        if (telegram.WebhookSecret.Length == 0)
        {
            yield return "Telegram:WebhookSecret is required when Telegram:Mode is Webhook.";
        }
        if (!telegram.WebhookPath.StartsWith('/'))
        {
            yield return "Telegram:WebhookPath must start with /.";
        }
        if (!IsHttpUrl(telegram.WebhookListenUrl))
        {
            yield return "Telegram:WebhookListenUrl must be an absolute http:// URL, such as http://127.0.0.1:8080.";
        }
    }

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenFormat();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex WebhookSecretFormat();
}
