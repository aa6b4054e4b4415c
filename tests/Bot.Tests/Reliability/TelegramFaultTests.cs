using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>The whole bot over HTTP while the Bot API misbehaves: faults at random from a seed, and an outage.</summary>
public sealed class TelegramFaultTests(ITestOutputHelper output)
{
    public static TheoryData<int> SlowSeeds => SlowTests.Seeds(20);

    // ---- Random faults ----

    /// <summary>Every transient fault at 2% of all calls, polling included: about one call in six fails.</summary>
    private static RandomFaults Faults(int seed) => RandomFaults.Transient(seed, 0.02);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Under_random_faults_every_update_is_answered_and_only_lost_answers_are_sent_twice(int seed)
    {
        using var database = BotDatabase.Create();
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RandomFaults = Faults(seed) });
        await using var bot = await LiveBot.StartAsync(api, databasePath: database.Path);

        var updates = Enumerable.Range(1, 30).SelectMany(i => new[] { api.EnqueueText(8100 + i, "/start"), api.EnqueueText(8100 + i, "/help") }).ToList();
        await api.WaitUntilAsync(a => updates.All(u => !a.IsPending(u.Id)), TimeSpan.FromSeconds(60));
        await database.WaitUntilHandledAsync(updates.Select(u => (long)u.Id));
        await database.WaitUntilOutboxSentAsync();

        Assert.Equal(updates.Count, await database.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates"));
        Report("random-faults", seed, api, await AssertOnlyLostAnswersCopiedAsync(api, database));
    }

    [SlowTheory]
    [Trait("Category", SlowTests.Category)]
    [MemberData(nameof(SlowSeeds))]
    public async Task Registrations_complete_under_random_faults_and_only_lost_answers_are_sent_twice(int seed)
    {
        using var database = BotDatabase.Create();
        await using var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RandomFaults = Faults(seed) });
        await using var bot = await LiveBot.StartAsync(api, databasePath: database.Path);
        var random = new Random(seed);
        var walks = Enumerable.Range(1, 4)
            .Select(i => new RegistrationWalk(new FakeChat(api, database, 8000 + i), new Random(random.Next())))
            .ToList();

        await Task.WhenAll(walks.Select(w => w.RunAsync()));

        Assert.Equal(walks.Count, await database.ScalarAsync<long>("SELECT COUNT(*) FROM people"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
        Report("random-faults-registration", seed, api, await AssertOnlyLostAnswersCopiedAsync(api, database));
    }

    private static async Task<Transcript> AssertOnlyLostAnswersCopiedAsync(FakeBotApi api, BotDatabase database)
    {
        var lostAnswers = api.InjectedFaults.GetValueOrDefault(FaultKind.AnswerLost);
        var transcript = await Transcript.AssertNothingLostAsync(api, database, maxCopiesPerChat: lostAnswers);
        Assert.True(transcript.Duplicates <= lostAnswers, $"{transcript.Duplicates} copies for {lostAnswers} lost answers");
        return transcript;
    }

    private void Report(string scenario, int seed, FakeBotApi api, Transcript transcript) =>
        output.WriteLine($"{scenario} seed={seed} calls={api.TotalCallCount} faults={api.InjectedFaults.Values.Sum()} "
            + $"({string.Join(", ", api.InjectedFaults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}) "
            + $"messages={transcript.Messages} copies={transcript.Duplicates} lost=0");

    // ---- Outage ----

    [Fact]
    public Task A_five_second_outage_loses_no_update_and_sends_each_queued_message_once() =>
        OutageAsync(TimeSpan.FromSeconds(5), new Dictionary<string, string?>());

    /// <summary>The minute-long outage of the issue, with production's backoff between attempts (up to 30 s).</summary>
    [SlowFact]
    [Trait("Category", SlowTests.Category)]
    public Task A_sixty_second_outage_loses_no_update_and_sends_each_queued_message_once() =>
        OutageAsync(TimeSpan.FromSeconds(60), new Dictionary<string, string?> { ["Outbound:MaxBackoffSeconds"] = "30" });

    private async Task OutageAsync(TimeSpan outage, Dictionary<string, string?> settings)
    {
        using var database = BotDatabase.Create();
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await LiveBot.StartAsync(api, c =>
        {
            foreach (var (key, value) in settings)
            {
                c[key] = value;
            }
        }, databasePath: database.Path);
        await new FakeChat(api, database, 9000).SendAsync("/help");

        api.BeginOutage(ScriptedResponse.BadGateway(), ScriptedResponse.InternalServerError(), ScriptedResponse.DropConnection(), ScriptedResponse.Hang());
        var updates = Enumerable.Range(1, 10).Select(i => api.EnqueueText(9000 + i, "/help")).ToList();
        await QueueAsync(bot, Enumerable.Range(1, 10).Select(i => 9100L + i));
        var callsBefore = api.TotalCallCount;
        await Task.Delay(outage);
        var callsDuring = api.TotalCallCount - callsBefore;
        api.EndOutage();

        await api.WaitUntilAsync(a => updates.All(u => !a.IsPending(u.Id)), outage + TimeSpan.FromSeconds(60));
        await database.WaitUntilHandledAsync(updates.Select(u => (long)u.Id));
        await database.WaitUntilOutboxSentAsync();

        Assert.True(callsDuring > 2, $"the bot made only {callsDuring} calls during the outage");
        foreach (var update in updates)
        {
            Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates WHERE update_id = @UpdateId", new { UpdateId = update.Id }));
            Assert.Single(api.DeliveredTo(update.Message!.Chat.Id));
        }
        for (var chat = 9101L; chat <= 9110; chat++)
        {
            Assert.Equal("Сообщение из очереди", Assert.Single(api.DeliveredTo(chat)).VisibleText);
        }
        var transcript = await Transcript.AssertNothingLostAsync(api, database, maxCopiesPerChat: 0);
        output.WriteLine($"outage seconds={outage.TotalSeconds} calls-during={callsDuring} updates=10 queued=10 messages={transcript.Messages} copies=0 lost=0");
    }

    /// <summary>Writes messages to the outbox as a handler or a reminder would, while nothing can be sent.</summary>
    private static async Task QueueAsync(LiveBot bot, IEnumerable<long> chats)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var writer = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        await db.BeginAsync();
        foreach (var chat in chats)
        {
            writer.Send(chat, Html.Text("Сообщение из очереди"));
        }
        await writer.FlushAsync(TimeProvider.System.GetUtcNow());
        await db.CommitAsync();
        bot.Services.GetRequiredService<OutboxSignal>().Notify();
    }
}
