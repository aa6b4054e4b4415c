using MentorBot.Bot.Telegram;

namespace MentorBot.Bot.Tests.Fakes;

/// <summary>The fake's random faults and outages, which the reliability tests lean on.</summary>
public sealed class FaultInjectionTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_faults_and_another_seed_others()
    {
        var first = await OutcomesAsync(new RandomFaults(11) { ServerError = 0.3, ChatNotFound = 0.2 });
        var again = await OutcomesAsync(new RandomFaults(11) { ServerError = 0.3, ChatNotFound = 0.2 });
        var other = await OutcomesAsync(new RandomFaults(12) { ServerError = 0.3, ChatNotFound = 0.2 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("500", first);
        Assert.Contains("400", first);
        Assert.Contains("ok", first);
    }

    [Fact]
    public async Task Each_fault_comes_at_about_its_rate_and_is_counted()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RandomFaults = new RandomFaults(3) { TooManyRequests = 0.25, BadGateway = 0.25 } });
        var client = api.CreateClient();

        var outcomes = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            outcomes.Add(await OutcomeAsync(client, chatId: i));
        }

        var faults = api.InjectedFaults;
        Assert.InRange(faults[FaultKind.TooManyRequests], 70, 130);
        Assert.InRange(faults[FaultKind.BadGateway], 70, 130);
        Assert.Equal(faults[FaultKind.TooManyRequests], outcomes.Count(o => o == "429"));
        // The proxy's 502 is an HTML page, so the client sees no Bot API answer at all.
        Assert.Equal(faults[FaultKind.BadGateway], outcomes.Count(o => o == "transport"));
        Assert.Equal(400 - faults.Values.Sum(), api.Delivered.Count);
    }

    [Fact]
    public async Task A_lost_answer_delivers_the_message_yet_the_bot_sees_a_failure()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RandomFaults = new RandomFaults(1) { AnswerLost = 1 } });

        await Assert.ThrowsAsync<TelegramTransportException>(() =>
            api.CreateClient().SendMessageAsync(5, "дошло"));

        Assert.Equal("дошло", Assert.Single(api.DeliveredTo(5)).VisibleText);
        Assert.Equal(1, api.InjectedFaults[FaultKind.AnswerLost]);
    }

    [Fact]
    public async Task A_hung_call_delivers_nothing_and_the_client_times_out()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.Hang());

        await Assert.ThrowsAsync<TelegramTransportException>(() =>
            api.CreateClient(o => o.RequestTimeoutSeconds = 1).SendMessageAsync(6, "не дошло"));

        Assert.Empty(api.Delivered);
    }

    [Fact]
    public async Task Random_faults_can_be_kept_to_some_methods()
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions
        {
            RandomFaults = new RandomFaults(2) { ServerError = 1, Methods = new HashSet<string> { "getMe" } },
        });
        var client = api.CreateClient();

        await Assert.ThrowsAsync<TelegramApiException>(() => client.GetMeAsync());
        Assert.Equal("ok", await OutcomeAsync(client, chatId: 1));
    }

    [Fact]
    public async Task An_outage_fails_every_call_keeps_the_updates_and_defers_scripts_until_it_ends()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = api.CreateClient();
        api.Script("sendMessage", ScriptedResponse.ChatNotFound());
        var queued = api.EnqueueText(7, "/start");

        api.BeginOutage(ScriptedResponse.InternalServerError(), ScriptedResponse.DropConnection());
        Assert.Equal("500", await OutcomeAsync(client, chatId: 7));
        Assert.Equal("transport", await OutcomeAsync(client, chatId: 7));
        await Assert.ThrowsAsync<TelegramApiException>(() => client.GetUpdatesAsync(offset: null, timeoutSeconds: 0));
        api.EndOutage();

        Assert.Equal("400", await OutcomeAsync(client, chatId: 7));
        Assert.Equal("ok", await OutcomeAsync(client, chatId: 7));
        Assert.Equal(queued.Id, Assert.Single(await client.GetUpdatesAsync(offset: null, timeoutSeconds: 0)).Id);
        Assert.True(api.IsPending(queued.Id));
        await client.GetUpdatesAsync(offset: queued.Id + 1, timeoutSeconds: 0);
        Assert.False(api.IsPending(queued.Id));
    }

    private static async Task<List<string>> OutcomesAsync(RandomFaults faults)
    {
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RandomFaults = faults });
        var client = api.CreateClient();
        var outcomes = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            outcomes.Add(await OutcomeAsync(client, chatId: 1 + i));
        }
        return outcomes;
    }

    private static async Task<string> OutcomeAsync(IBotApi client, long chatId)
    {
        try
        {
            await client.SendMessageAsync(chatId, "проверка");
            return "ok";
        }
        catch (TelegramApiException error)
        {
            return error.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (TelegramTransportException)
        {
            return "transport";
        }
    }
}
