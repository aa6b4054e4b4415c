using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Privacy;
using MentorBot.Bot.Tests.Reliability;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Telegram;

/// <summary>Refusals of the Bot API outside the outbox: at start-up, a revoked token, a second instance.</summary>
public sealed class BotApiRefusalTests
{
    [Fact]
    public async Task A_failed_set_webhook_at_start_is_retried_honouring_retry_after_and_the_bot_runs()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("setWebhook", ScriptedResponse.InternalServerError(), ScriptedResponse.TooManyRequests(1));

        await using var bot = await LiveBot.StartAsync(api, c =>
        {
            c["Telegram:Mode"] = "Webhook";
            c["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook";
            c["Telegram:WebhookSecret"] = "retry-secret_0123456789";
            c["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
        });

        Assert.Equal(3, api.CallCount("setWebhook"));
        Assert.NotNull(bot.Hosted<WebhookServer>().ListeningUrl);
    }

    [Fact]
    public async Task A_conflict_is_logged_with_its_code_description_and_what_it_means()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("getUpdates", ScriptedResponse.ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
        var capture = new LogCapture();

        await using var bot = await LiveBot.StartAsync(api, services: capture.AddTo);
        await api.WaitUntilAsync(a => a.CallCount("getUpdates") >= 2, TimeSpan.FromSeconds(20));

        var line = Assert.Single(capture.Lines, l => l.Text.Contains("Polling failed", StringComparison.Ordinal)).Text;
        Assert.Contains("getUpdates 409 Conflict: terminated by other getUpdates request", line, StringComparison.Ordinal);
        Assert.Contains("another instance of the bot is polling", line, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, string.Join("\n", capture.Lines.Select(l => l.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_token_stops_the_bot_with_one_line_and_exit_code_2()
    {
        using var database = BotDatabase.Create();
        await using var api = await FakeBotApi.StartAsync();
        api.Script("deleteWebhook", ScriptedResponse.ApiError(401, "Unauthorized"));

        await using var bot = await BotProcess.StartAsync(api, database.Path, mayExit: true);

        Assert.Equal(2, await bot.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(BotApiRefusals.TokenRefused, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Token, bot.Output, StringComparison.Ordinal);
    }
}
