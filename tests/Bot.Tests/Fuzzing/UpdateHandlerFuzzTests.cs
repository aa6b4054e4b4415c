using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Privacy;
using MentorBot.Bot.Tests.Reliability;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Fuzzing;

/// <summary>
/// Ten thousand generated updates a run, from a seed, through the real pipeline (deserialised with the bot's own JSON
/// context, as the webhook and polling do): no exception escapes and no handler fails, no victim's row changes, every
/// button press is answered, nothing is stored before consent, no input is stored beyond its limit, and every message
/// the bot sends is HTML that Telegram accepts.
/// </summary>
public sealed class UpdateHandlerFuzzTests(ITestOutputHelper output)
{
    public const int UpdatesPerRun = 10_000;

    /// <summary>No stored value may come near the 100 KB texts sent; the longest input allowed is a few thousand characters.</summary>
    private const int MaxStoredLength = 20_000;

    public static TheoryData<int> SlowSeeds => SlowTests.Seeds(5);

    [Theory]
    [InlineData(1)]
    public Task Ten_thousand_hostile_updates_break_nothing_and_change_only_what_their_sender_may(int seed) => FuzzAsync(seed);

    [SlowTheory]
    [Trait("Category", SlowTests.Category)]
    [MemberData(nameof(SlowSeeds))]
    public Task Ten_thousand_hostile_updates_over_more_seeds(int seed) => FuzzAsync(seed + 100);

    private async Task FuzzAsync(int seed)
    {
        var capture = new LogCapture();
        await using var bot = await BotHarness.StartAsync(services: capture.AddTo);
        var world = await FuzzWorld.SeedAsync(bot);
        await bot.DeliveredAsync();
        var before = await FuzzWorld.SnapshotAsync(bot);
        var seeded = (bot.Telegram.Messages.Count, bot.Telegram.CallbackAnswers.Count);
        var routes = bot.Services.GetRequiredService<RouteTable>();
        var fuzzer = new UpdateFuzzer(seed, [.. FuzzWorld.Attackers, .. FuzzWorld.Strangers], world.VictimObjectIds,
            [.. routes.Commands.Keys], [.. routes.Callbacks.Keys, .. routes.Conversations.Keys], person => ButtonsShownTo(bot, person));
        fuzzer.Learn(world.VictimButtons);
        var batches = bot.Services.GetRequiredService<UpdateBatchHandler>();

        var handledIds = new HashSet<long>();
        var pressed = new List<string>();
        var failures = new List<string>();
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < UpdatesPerRun; i++)
        {
            if (i % 250 == 0)
            {
                fuzzer.Learn(bot.Telegram.Messages.SelectMany(m => m.Buttons).Select(b => b.CallbackData).OfType<string>());
                bot.Clock.Advance(TimeSpan.FromMinutes(97));
            }
            var fuzzed = fuzzer.Next();
            Update? update;
            try
            {
                update = UpdateJson.TryRead(JsonDocument.Parse(fuzzed.Json).RootElement);
            }
            catch (JsonException)
            {
                // The webhook answers 400 to what does not read as an update; tested over HTTP below.
                rejected++;
                continue;
            }
            if (update is null)
            {
                rejected++;
                continue;
            }
            try
            {
                await batches.HandleOneAsync(update, CancellationToken.None);
            }
            catch (Exception error)
            {
                failures.Add($"update {fuzzed.UpdateId}: {error}\n{fuzzed.Json[..Math.Min(fuzzed.Json.Length, 500)]}");
                continue;
            }
            if (update.CallbackQuery is { } query && handledIds.Add(update.Id))
            {
                pressed.Add(query.Id);
            }
            handledIds.Add(update.Id);
        }
        var elapsed = clock.Elapsed;
        await bot.DeliveredAsync();

        Assert.True(failures.Count == 0, $"{failures.Count} updates threw:\n" + string.Join("\n\n", failures.Take(5)));
        var errors = capture.Lines.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors were logged, the first: {errors.FirstOrDefault()?.Text}");
        (await FuzzWorld.SnapshotAsync(bot)).AssertNoBreachSince(before);

        var answered = bot.Telegram.CallbackAnswers.Skip(seeded.Item2).Select(a => a.CallbackQueryId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(pressed.Order(StringComparer.Ordinal).ToList(), answered);

        await AssertConsentBeforeStorageAsync(bot);
        await AssertNothingStoredBeyondLimitsAsync(bot);
        var sent = bot.Telegram.Messages.Skip(seeded.Item1).ToList();
        foreach (var message in sent.Where(m => m.Html.Length > 0))
        {
            Assert.True(TelegramHtml.ToVisibleText(message.Html).Length <= 4096, $"a message of {message.Html.Length} characters to {message.ChatId}");
        }
        output.WriteLine($"fuzz seed={seed} updates={UpdatesPerRun} rejected-as-malformed={rejected} handled={handledIds.Count} presses={pressed.Count} "
            + $"messages={sent.Count} seconds={elapsed.TotalSeconds:0.0} exceptions=0 breaches=0");
    }

    /// <summary>
    /// The same generator over HTTP, into the webhook of the whole bot (real client, fake Telegram): each update is
    /// answered 200 when handled or 400 when it does not read as one, never a server error, which would make Telegram
    /// send it again and again. Whatever the bot sent in answer, Telegram accepted as HTML within its length.
    /// </summary>
    [Fact]
    public async Task Hostile_updates_posted_to_the_webhook_get_200_or_400_and_never_a_server_error()
    {
        const string secret = "fuzz-secret_0123456789";
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await LiveBot.StartAsync(api, c =>
        {
            c["Telegram:Mode"] = "Webhook";
            c["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook";
            c["Telegram:WebhookSecret"] = secret;
            c["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
        });
        var routes = bot.Services.GetRequiredService<RouteTable>();
        var fuzzer = new UpdateFuzzer(7, [.. FuzzWorld.Strangers], [1, 2, 3, 9851], [.. routes.Commands.Keys], [.. routes.Callbacks.Keys, .. routes.Conversations.Keys], _ => []);
        var url = bot.Hosted<WebhookServer>().ListeningUrl + "/telegram/webhook";
        using var http = new HttpClient();

        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 1000; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(fuzzer.Next().Json, Encoding.UTF8, "application/json") };
            request.Headers.Add(WebhookServer.SecretHeader, secret);
            using var response = await http.SendAsync(request);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        await using var scope = bot.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<DbSession>();
        while (await outbox.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], statuses.Keys.Order());
        var refused = await outbox.QueryAsync<string>("SELECT error FROM outbox WHERE status = 'failed' AND (error LIKE '%parse entities%' OR error LIKE '%too long%')");
        Assert.True(refused.Count == 0, "Telegram refused: " + string.Join("; ", refused.Take(5)));
        Assert.NotEmpty(api.Delivered);
        output.WriteLine($"webhook-fuzz updates=1000 {string.Join(", ", statuses.Select(s => $"{(int)s.Key}: {s.Value}"))} delivered={api.Delivered.Count}");
    }

    private static IReadOnlyList<(int MessageId, string Data)> ButtonsShownTo(BotHarness bot, long person) =>
        bot.Telegram.In(person).TakeLast(3)
            .SelectMany(m => bot.Telegram.ButtonsOf(person, m.MessageId).Select(b => (m.MessageId, b.CallbackData)))
            .Where(b => b.CallbackData is not null)
            .Select(b => (b.MessageId, b.CallbackData!))
            .ToList();

    /// <summary>
    /// Whoever has a profile, codes or a dialog in progress has consented (registration starts after it); coordinators
    /// come from the configuration or an invite, and their dialogs need none.
    /// </summary>
    private static async Task AssertConsentBeforeStorageAsync(BotHarness bot)
    {
        var unconsented = await bot.QueryAsync<string>(
            """
            SELECT 'people ' || user_id FROM people WHERE user_id NOT IN (SELECT user_id FROM consents)
            UNION ALL SELECT 'person_codes ' || user_id FROM person_codes WHERE user_id NOT IN (SELECT user_id FROM consents)
            UNION ALL SELECT 'conversations ' || user_id || ' ' || state FROM conversations
                WHERE user_id NOT IN (SELECT user_id FROM consents) AND user_id NOT IN (SELECT user_id FROM coordinators)
            """);
        Assert.True(unconsented.Count == 0, "Stored without consent: " + string.Join(", ", unconsented));
    }

    private static async Task AssertNothingStoredBeyondLimitsAsync(BotHarness bot)
    {
        var tables = await bot.TablesAsync();
        foreach (var table in tables)
        {
            var columns = await bot.ColumnsAsync(table, textOnly: true);
            foreach (var column in columns)
            {
                var longest = await bot.ScalarAsync<long?>($"SELECT MAX(LENGTH(\"{column}\")) FROM \"{table}\"") ?? 0;
                Assert.True(longest <= MaxStoredLength,
                    $"{table}.{column} holds {longest.ToString(CultureInfo.InvariantCulture)} characters");
            }
        }
    }
}
