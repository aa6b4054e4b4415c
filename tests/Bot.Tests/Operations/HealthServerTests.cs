using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Privacy;
using MentorBot.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Bot.Tests.Operations;

public sealed class HealthServerTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static void OnAnyFreePort(IDictionary<string, string?> settings) => settings["Operations:HealthListenUrl"] = "http://127.0.0.1:0";

    public static string UrlOf(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<HealthServer>().Single().ListeningUrl!;

    /// <summary>The value of an unlabelled sample, such as <c>mentorbot_updates_handled_total</c>.</summary>
    public static double Sample(string page, string name)
    {
        var match = Regex.Match(page, $"^{Regex.Escape(name)} (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{name} is not on the page:\n{page}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_on_the_local_port()
    {
        await using var bot = await BotHarness.StartAsync(OnAnyFreePort);
        var url = UrlOf(bot.Services);

        var live = await Http.GetAsync(url + "/healthz");
        var ready = await Http.GetAsync(url + "/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(url + "/telegram/webhook")).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_while_a_migration_is_missing()
    {
        await using var bot = await BotHarness.StartAsync(OnAnyFreePort);
        await bot.ScalarAsync<long>("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)");

        var ready = await Http.GetAsync(UrlOf(bot.Services) + "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.StartsWith("migrations pending", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Another process holds the SQLite file's write lock (in WAL mode readers go on, so only a write can tell): the bot
    /// cannot handle anything meanwhile, and readiness says so until the lock is gone.
    /// </summary>
    [Fact]
    public async Task Readiness_fails_while_the_database_takes_no_writes_and_returns_once_it_does()
    {
        await using var bot = await BotHarness.StartAsync(
            settings => { OnAnyFreePort(settings); settings["Database:BusyTimeoutMilliseconds"] = "100"; }, provider: DatabaseProvider.Sqlite);
        var url = UrlOf(bot.Services) + "/readyz";
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(url)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.1)); // past the time an answer stands

        HttpResponseMessage locked;
        await using (var blocker = new SqliteConnection($"Data Source={bot.DatabasePath};Pooling=False"))
        {
            await blocker.OpenAsync();
            await blocker.ExecuteAsync("BEGIN EXCLUSIVE");
            locked = await Http.GetAsync(url);
            await blocker.ExecuteAsync("ROLLBACK");
        }
        var ready = await WaitForStatusAsync(url, HttpStatusCode.OK);
        await bot.SendTextAsync(4301, "/help");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Equal("database not writable: SQLite error 5\n", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.NotEmpty(bot.TextsIn(4301));
    }

    /// <summary>The web app's own logging (requests, endpoint and Kestrel failures) goes to the bot's log, not nowhere.</summary>
    [Fact]
    public async Task The_web_apps_log_through_the_bots_logging()
    {
        var capture = new LogCapture();
        await using var bot = await BotHarness.StartAsync(OnAnyFreePort, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(capture);
            s.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        });

        await Http.GetAsync(UrlOf(bot.Services) + "/healthz");

        Assert.Contains(capture.Lines, line => line.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) && line.Text.Contains("/healthz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_fails_once_the_scheduler_has_stopped()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await LiveBot.StartAsync(api, OnAnyFreePort);
        var url = UrlOf(bot.Services) + "/readyz";
        var running = await Http.GetAsync(url);

        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Shutdown(waitForJobsToComplete: true);
        var stopped = await Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, running.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        Assert.Contains("Quartz", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Polls <paramref name="url"/> for up to 15 seconds until it answers <paramref name="status"/>; returns the last answer.</summary>
    public static async Task<HttpResponseMessage> WaitForStatusAsync(string url, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var answer = await Http.GetAsync(url);
            if (answer.StatusCode == status || DateTime.UtcNow > deadline)
            {
                return answer;
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Metrics_count_the_updates_handled_and_time_them()
    {
        await using var bot = await BotHarness.StartAsync(OnAnyFreePort);
        var url = UrlOf(bot.Services) + "/metrics";
        var before = await Http.GetAsync(url);
        var page = await before.Content.ReadAsStringAsync();

        await bot.SendTextAsync(4101, "/help");
        await bot.SendTextAsync(4101, "/help");
        var after = await Http.GetStringAsync(url);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", before.Content.Headers.ContentType?.ToString());
        foreach (var name in new[]
        {
            "mentorbot_updates_handled_total", "mentorbot_update_duration_seconds_count", "mentorbot_outbound_queue_depth",
            "mentorbot_telegram_too_many_requests_total", "mentorbot_telegram_forbidden_total", "mentorbot_reminders_sent_total",
            "mentorbot_broadcasts_in_progress",
        })
        {
            Assert.Equal(0, Sample(page, name));
        }
        Assert.Equal(2, Sample(after, "mentorbot_updates_handled_total"));
        Assert.Equal(2, Sample(after, "mentorbot_update_duration_seconds_count"));
        Assert.Contains("# TYPE mentorbot_update_duration_seconds histogram", after, StringComparison.Ordinal);
        Assert.Contains("mentorbot_update_duration_seconds_bucket{le=\"+Inf\"} 2", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_depth_and_the_broadcast_gauge_are_read_at_each_scrape()
    {
        await using var bot = await BotHarness.StartAsync(OnAnyFreePort);
        var url = UrlOf(bot.Services) + "/metrics";
        // A row due in a year: pending, and left alone by the sender.
        await bot.ScalarAsync<long>(
            "INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before, created_at) VALUES (1, 'Send', '{}', 'pending', 0, @Later, 0)",
            new { Later = bot.Clock.GetUtcNow().AddYears(1) });
        bot.Services.GetRequiredService<BotMetrics>().BroadcastsInProgress = 1;

        var page = await Http.GetStringAsync(url);

        Assert.Equal(1, Sample(page, "mentorbot_outbound_queue_depth"));
        Assert.Equal(1, Sample(page, "mentorbot_broadcasts_in_progress"));
    }

    [Fact]
    public async Task Metrics_count_the_429s_and_403s_the_Bot_API_answers()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Script("sendMessage", ScriptedResponse.TooManyRequests(1));
        api.BlockChat(4202);
        await using var bot = await LiveBot.StartAsync(api, OnAnyFreePort, s => BotHarness.RemoveHostedService<PollingReceiver>(s));

        var pipeline = bot.Services.GetRequiredService<UpdateBatchHandler>();
        await pipeline.HandleOneAsync(Updates.Text(4201, "/help"), CancellationToken.None);
        await api.WaitForDeliveryAsync(m => m.ChatId == 4201, TimeSpan.FromSeconds(10));
        await pipeline.HandleOneAsync(Updates.Text(4202, "/help"), CancellationToken.None);
        var url = UrlOf(bot.Services) + "/metrics";
        var page = await WaitForAsync(url, p => Sample(p, "mentorbot_telegram_forbidden_total") > 0);

        Assert.Equal(1, Sample(page, "mentorbot_telegram_too_many_requests_total"));
        Assert.Equal(1, Sample(page, "mentorbot_telegram_forbidden_total"));
    }

    [Fact]
    public async Task An_empty_address_turns_the_server_off()
    {
        await using var bot = await BotHarness.StartAsync();

        Assert.Empty(bot.Services.GetServices<IHostedService>().OfType<HealthServer>());
    }

    private static async Task<string> WaitForAsync(string url, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await Http.GetStringAsync(url);
            if (condition(page) || DateTime.UtcNow > deadline)
            {
                return page;
            }
            await Task.Delay(20);
        }
    }
}
