using MentorBot.Bot.Hosting;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Operations;

public sealed class OperationsOptionsRules(IOptions<TelegramOptions> telegramOptions) : OptionsRules<OperationsOptions>
{
    /// <summary>The health port is checked against the webhook's, which it must not share.</summary>
    protected override IEnumerable<string> Problems(OperationsOptions operations)
    {
        var telegram = telegramOptions.Value;
        if (operations.HealthListenUrl.Length == 0)
        {
            yield break;
        }
        if (!IsHttpUrl(operations.HealthListenUrl))
        {
            yield return "Operations:HealthListenUrl must be an absolute http:// URL, such as http://127.0.0.1:8081, or empty to turn it off.";
        }
        else if (telegram.Mode == ReceiveMode.Webhook && IsHttpUrl(telegram.WebhookListenUrl)
            && new Uri(operations.HealthListenUrl) is { Port: > 0 } health
            && new Uri(telegram.WebhookListenUrl) is var webhook
            && health.Port == webhook.Port && string.Equals(health.Host, webhook.Host, StringComparison.OrdinalIgnoreCase))
        {
            yield return "Operations:HealthListenUrl must differ from Telegram:WebhookListenUrl: the proxy must reach the webhook, never the health port.";
        }
    }
}
