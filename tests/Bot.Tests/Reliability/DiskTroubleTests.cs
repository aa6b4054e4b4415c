using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using MentorBot.Bot.Tests.Fakes;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// Another process (this test) holds the bot's database locked for writing (BEGIN EXCLUSIVE; in WAL mode readers go on)
/// while updates arrive and a sent message waits to be recorded. Writers hit SQLITE_BUSY past their busy timeout; the
/// bot waits and retries, and afterwards every update is handled once and every message sent once.
/// </summary>
public sealed class DiskTroubleTests(ITestOutputHelper output)
{
    [Fact]
    public Task A_database_locked_for_25_seconds_loses_nothing_and_sends_nothing_twice() => LockedAsync(TimeSpan.FromSeconds(25));

    [SlowFact]
    [Trait("Category", SlowTests.Category)]
    public Task A_database_locked_for_a_minute_loses_nothing_and_sends_nothing_twice() => LockedAsync(TimeSpan.FromSeconds(60));

    /// <summary>
    /// The database's directory is moved away while the bot runs (as when it is deleted: the bot's open files still
    /// take writes, which nobody would read again), then put back. Meanwhile the bot is unready and writes nothing;
    /// once the database is back it is ready again by itself and answers the update that arrived meanwhile.
    /// </summary>
    [Fact]
    public async Task A_database_directory_moved_away_makes_the_bot_unready_and_it_recovers_by_itself_once_it_is_back()
    {
        using var database = BotDatabase.Create();
        await using var api = await FakeBotApi.StartAsync();
        var health = $"http://127.0.0.1:{FreePort()}";
        await using var bot = await BotProcess.StartAsync(api, database.Path, new Dictionary<string, string> { ["Operations:HealthListenUrl"] = health });
        await new FakeChat(api, database, 9600).SendAsync("/help");
        var readyBefore = await Http.GetAsync(health + "/readyz");

        var directory = Path.GetDirectoryName(database.Path)!;
        var away = directory + "-away";
        Directory.Move(directory, away);
        long update;
        HttpResponseMessage unready;
        bool pendingWhileAway;
        try
        {
            unready = await Operations.HealthServerTests.WaitForStatusAsync(health + "/readyz", HttpStatusCode.ServiceUnavailable);
            update = api.EnqueueText(9601, "/help").Id;
            await Task.Delay(TimeSpan.FromSeconds(3));
            pendingWhileAway = api.IsPending(update) && api.DeliveredTo(9601).Count == 0;
        }
        finally
        {
            Directory.Move(away, directory);
        }
        var readyAfter = await Operations.HealthServerTests.WaitForStatusAsync(health + "/readyz", HttpStatusCode.OK);
        try
        {
            await api.WaitUntilAsync(a => !a.IsPending(update) && a.DeliveredTo(9601).Count > 0, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            output.WriteLine($"confirmed={!api.IsPending(update)} answered={api.DeliveredTo(9601).Count}{Environment.NewLine}{bot.Output}");
            throw;
        }
        await database.WaitUntilOutboxSentAsync();

        Assert.Equal(HttpStatusCode.OK, readyBefore.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.True(pendingWhileAway, "the update was confirmed or answered while the database was away");
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
        Assert.Single(api.DeliveredTo(9601));
        Assert.False(bot.HasExited, bot.Output);
        Assert.Equal(2, await database.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates"));
    }

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task LockedAsync(TimeSpan locked)
    {
        using var database = BotDatabase.Create();
        await using var api = await FakeBotApi.StartAsync();
        // A short busy timeout makes every retry limit of the bot run out well within the lock.
        await using var bot = await BotProcess.StartAsync(api, database.Path, new Dictionary<string, string> { ["Database:BusyTimeoutMilliseconds"] = "500" });
        await new FakeChat(api, database, 9500).SendAsync("/help");

        // This answer arrives once the lock is taken: the bot must record a call it made while it cannot write.
        api.Script("sendMessage", ScriptedResponse.Delay(TimeSpan.FromSeconds(1)));
        var updates = new List<long> { api.EnqueueText(9501, "/help").Id };
        await api.WaitUntilAsync(a => a.CallCount("sendMessage") == 2, TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await using (var blocker = database.Open())
        {
            await blocker.ExecuteAsync("BEGIN EXCLUSIVE");
            for (var chat = 9502; chat <= 9510; chat++)
            {
                updates.Add(api.EnqueueText(chat, chat % 2 == 0 ? "/help" : "/start").Id);
            }
            await Task.Delay(locked);
            Assert.Single(api.DeliveredTo(9501));
            await blocker.ExecuteAsync("COMMIT");
        }

        await api.WaitUntilAsync(a => updates.All(id => !a.IsPending(id)), TimeSpan.FromSeconds(90));
        await database.WaitUntilHandledAsync(updates, TimeSpan.FromSeconds(90));
        await database.WaitUntilOutboxSentAsync();

        Assert.False(bot.HasExited, bot.Output);
        Assert.Equal(updates.Count + 1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates"));
        for (var chat = 9501; chat <= 9510; chat++)
        {
            Assert.Single(api.DeliveredTo(chat));
        }
        var transcript = await Transcript.AssertNothingLostAsync(api, database, maxCopiesPerChat: 0);
        output.WriteLine($"disk-locked seconds={locked.TotalSeconds} recovered-after={clock.Elapsed.TotalSeconds:0.0} updates={updates.Count} "
            + $"messages={transcript.Messages} copies=0 lost=0");
    }
}
