using System.Text.RegularExpressions;

namespace MentorBot.Bot.Tests.Deploy;

/// <summary>The nginx sample exposes the webhook and nothing else, and points at the bot's default addresses.</summary>
public sealed partial class NginxConfigTests
{
    private static readonly string Config = string.Join('\n',
        Repository.Read("deploy/nginx/mentorbot.conf").Split('\n').Select(l => l.Contains('#', StringComparison.Ordinal) ? l[..l.IndexOf('#', StringComparison.Ordinal)] : l));

    [Fact]
    public void Only_the_webhook_path_is_proxied_to_the_webhook_listener()
    {
        var proxied = ProxiedLocation().Matches(Config).Select(m => m.Groups["path"].Value).ToList();
        var listener = new Uri(Repository.Setting("Telegram:WebhookListenUrl"));

        Assert.Equal([Repository.Setting("Telegram:WebhookPath")], proxied);
        Assert.Single(ProxyPass().Matches(Config));
        Assert.Equal($"{listener.Host}:{listener.Port}", UpstreamServer().Match(Config).Groups["address"].Value);
    }

    [Fact]
    public void Health_and_metrics_stay_local()
    {
        var health = new Uri(Repository.Setting("Operations:HealthListenUrl"));

        Assert.DoesNotContain($":{health.Port}", Config, StringComparison.Ordinal);
        foreach (var path in new[] { "/healthz", "/readyz", "/metrics" })
        {
            Assert.DoesNotContain(path, Config, StringComparison.Ordinal);
        }
        Assert.Matches(@"location / \{\s*return 404;", Config);
    }

    [Fact]
    public void The_webhook_is_served_over_TLS()
    {
        Assert.Matches(@"listen 443 ssl;", Config);
        Assert.Matches(@"ssl_certificate \S+;", Config);
        Assert.Matches(@"ssl_certificate_key \S+;", Config);
    }

    [GeneratedRegex(@"location = (?<path>\S+) \{[^}]*?(?:\{[^}]*\}[^}]*?)*proxy_pass")]
    private static partial Regex ProxiedLocation();

    [GeneratedRegex(@"proxy_pass ")]
    private static partial Regex ProxyPass();

    [GeneratedRegex(@"upstream \w+ \{\s*server (?<address>[^;\s]+);")]
    private static partial Regex UpstreamServer();
}
