using System.Net;
using System.Text;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Telegram;

public sealed class WebhookServerTests
{
    private const string Secret = "s3cret_token-for-tests";

    private static string UpdateJson(long updateId, long chatId, string text) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":1,"date":1700000000,"chat":{"id":{{{chatId}}},"type":"private"},"from":{"id":{{{chatId}}},"is_bot":false,"first_name":"Тест"},"text":"{{{text}}}"}}""";

    [Fact]
    public async Task Only_requests_with_the_right_secret_are_handled()
    {
        await using var api = await FakeBotApi.StartAsync();
        var log = new EchoLog();
        await using var bot = await LiveBot.StartAsync(api,
            configure: c =>
            {
                c["Telegram:Mode"] = "Webhook";
                c["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook";
                c["Telegram:WebhookSecret"] = Secret;
                c["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
            },
            services: s =>
            {
                s.AddSingleton(log);
                s.AddCommand<EchoCommand>();
            });
        var url = bot.Hosted<WebhookServer>().ListeningUrl + "/telegram/webhook";
        using var http = new HttpClient();

        async Task<HttpStatusCode> PostAsync(long updateId, string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(UpdateJson(updateId, 801, $"/echo {updateId}"), Encoding.UTF8, "application/json"),
            };
            if (secret is not null)
            {
                request.Headers.Add(WebhookServer.SecretHeader, secret);
            }
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(1, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(2, "wrong-secret"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(3, Secret));

        await api.WaitForDeliveryAsync(m => m.ChatId == 801, TimeSpan.FromSeconds(10));
        Assert.Equal(["3"], log.Handled.Select(h => h.Text).ToList());
        Assert.Equal("https://bot.example.org/telegram/webhook", api.Webhook?.Url);
        Assert.Equal(Secret, api.Webhook?.SecretToken);
    }
}
