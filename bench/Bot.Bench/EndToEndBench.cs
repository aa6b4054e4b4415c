using System.Diagnostics;
using System.Globalization;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Reliability;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Bench;

/// <summary>
/// The real bot process (MentorBot.dll) polling the tests' fake Bot API on loopback, which enforces Telegram's flood
/// limits (30 messages a second, 1 per chat; 429 for any excess) and answers every call after a chosen latency. What
/// is timed is what a person feels: from the moment an update waits at "Telegram" to the moment the bot's answer
/// arrives there. The database is a copy of the scale bench's seeded world (docs/scaling.md).
/// </summary>
public static class EndToEndBench
{
    private const int People = 2_000;
    private const int BurstPeople = 1_000;
    private const int UpdatesPerBurstPerson = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>e2e burst|broadcast|presswave|idle [latency ms] [runs]</summary>
    public static async Task RunAsync(string[] args)
    {
        var scenario = args.Length > 0 ? args[0] : "burst";
        if (scenario == "broadcast" && args.Length < 2)
        {
            // Telegram's answer time decides how many calls must be in flight: the three that issue 16 asks about.
            foreach (var ms in new[] { "0", "100", "300" })
            {
                await RunAsync(["broadcast", ms, "3"]);
            }
            return;
        }
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0);
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        Func<Run, Task<Dictionary<string, double>>> measure = scenario switch
        {
            "burst" => BurstAsync,
            "broadcast" => run => BroadcastAsync(run, pressWave: false),
            "presswave" => run => BroadcastAsync(run, pressWave: true),
            "idle" => IdleAsync,
            _ => throw new ArgumentException($"unknown scenario '{scenario}': burst, broadcast, presswave or idle"),
        };

        // Telegram's 30 messages a second bound a broadcast, not replies to people who wrote: the burst lifts the overall
        // limit (at the fake and in the bot) and keeps the per-chat one.
        var burst = scenario == "burst";
        var world = new BenchWorld(People);
        var seeded = await ScaleBench.SeededAsync(world);
        Console.WriteLine($"{Environment.ProcessorCount} cores; e2e {scenario}, answer latency {latency.TotalMilliseconds} ms, {runs} runs, {People} people");
        var results = new List<Dictionary<string, double>>();
        for (var i = 1; i <= runs; i++)
        {
            await using var run = await Run.StartAsync(seeded, world, latency, liftOverallLimit: burst);
            var result = await measure(run);
            result["bot RSS MiB"] = run.Meter.ResidentMiB();
            results.Add(result);
            Console.WriteLine($"run {i}: " + string.Join(", ", result.Select(r => $"{r.Key} {Format(r.Value)}")));
        }
        Console.WriteLine($"median of {runs} runs:");
        foreach (var key in results[0].Keys)
        {
            var values = results.Select(r => r[key]).Order().ToList();
            Console.WriteLine($"  {key,-36} {Format(values[values.Count / 2]),12}   (min {Format(values[0])}, max {Format(values[^1])})");
        }
    }

    /// <summary>5,000 /start and /help from 1,000 people at once; every update must get its answer exactly once.</summary>
    private static async Task<Dictionary<string, double>> BurstAsync(Run run)
    {
        var api = run.Api;
        var people = Enumerable.Range(0, BurstPeople).Select(i => run.World.Person(i / BenchWorld.PerDistrict, i % BenchWorld.PerDistrict)).ToList();
        var texts = Enumerable.Range(0, UpdatesPerBurstPerson).Select(k => k % 2 == 0 ? "/help" : "/start").ToList();
        var perUpdate = await RepliesPerUpdateAsync(run, texts.Distinct().ToList());
        var expectedPerPerson = texts.Sum(t => perUpdate[t]);
        await WarmUpAsync(run, texts);
        var before = api.Delivered.Count;

        var cpu = run.Meter.CpuTime();
        var started = DateTimeOffset.UtcNow;
        var ids = new List<long>();
        foreach (var text in texts)
        {
            foreach (var person in people)
            {
                ids.Add(api.EnqueueText(person, text).Id);
            }
        }
        var expected = expectedPerPerson * people.Count;
        var handling = run.WaitUntilHandledAsync(ids.Min(), ids.Max());
        await WaitQuietAsync(api, () => api.Delivered.Count - before >= expected);
        var cpuUsed = run.Meter.CpuTime() - cpu;
        var handled = await handling;

        var replies = api.Delivered.Skip(before).Where(m => m.Method == "sendMessage").GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.MessageId).ToList());
        var latencies = new List<double>();
        var firstReplies = new List<double>();
        var duplicates = 0;
        var misses = 0;
        foreach (var person in people)
        {
            var mine = replies.GetValueOrDefault(person) ?? [];
            duplicates += Math.Max(0, mine.Count - expectedPerPerson);
            misses += Math.Max(0, expectedPerPerson - mine.Count);
            // The k-th update's answer is complete with its last message; each update was waiting since `started`.
            var end = 0;
            foreach (var text in texts)
            {
                end += perUpdate[text];
                if (end <= mine.Count)
                {
                    latencies.Add((mine[end - 1].At - started).TotalMilliseconds);
                }
            }
            if (mine.Count > 0)
            {
                firstReplies.Add((mine[0].At - started).TotalMilliseconds);
            }
        }
        latencies.Sort();
        firstReplies.Sort();
        var last = latencies.Count > 0 ? latencies[^1] : double.NaN;
        return new Dictionary<string, double>
        {
            ["burst updates/s"] = latencies.Count / (last / 1000),
            ["burst updates handled/s"] = ids.Count / handled.TotalSeconds,
            ["burst reply p50 ms"] = Percentile(latencies, 0.50),
            ["burst reply p99 ms"] = Percentile(latencies, 0.99),
            ["burst first reply p50 ms"] = Percentile(firstReplies, 0.50),
            ["burst first reply p99 ms"] = Percentile(firstReplies, 0.99),
            ["burst CPU ms per update"] = cpuUsed.TotalMilliseconds / (people.Count * texts.Count),
            ["burst 429s"] = api.RateLimitedCount,
            ["burst duplicates"] = duplicates,
            ["burst misses"] = misses,
        };
    }

    /// <summary>
    /// An announcement to all 2,000 people, sent by the bot's broadcast job. With <paramref name="pressWave"/>,
    /// every recipient then presses «Буду» at once while the 20 district coordinators keep asking for /help.
    /// </summary>
    private static async Task<Dictionary<string, double>> BroadcastAsync(Run run, bool pressWave)
    {
        var api = run.Api;
        const string title = "Форум директоров-флагманов: замер рассылки";
        var before = api.Delivered.Count;
        var cpu = run.Meter.CpuTime();
        var scheduled = DateTimeOffset.UtcNow;
        await run.ScheduleAnnouncementAsync(title);
        // Written by another process, the announcement is found by the broadcast job's idle tick (at most 30 s).
        await WaitQuietAsync(api, () => api.Delivered.Count > before, TimeSpan.FromSeconds(60));
        await WaitQuietAsync(api, () => false, TimeSpan.FromSeconds(15));
        var broadcastCpu = run.Meter.CpuTime() - cpu;
        var announcements = api.Delivered.Skip(before)
            // The coordinator's progress message names the title too; recipients' messages are those with the RSVP buttons.
            .Where(m => m.Method == "sendMessage" && m.Text?.Contains(title, StringComparison.Ordinal) == true
                && m.Buttons().Any(b => b.Text.Contains("Буду", StringComparison.Ordinal))).ToList();
        var perChat = announcements.GroupBy(m => m.ChatId).ToList();
        var recipients = await run.RecipientCountAsync();
        // A recipient's wait: from the first message of the broadcast to theirs (the job's start is not the sender's).
        var waits = announcements.Select(m => (m.At - announcements[0].At).TotalMilliseconds).Order().ToList();
        var result = new Dictionary<string, double>
        {
            ["broadcast messages/s"] = (announcements.Count - 1) / (announcements[^1].At - announcements[0].At).TotalSeconds,
            ["broadcast start after s"] = (announcements[0].At - scheduled).TotalSeconds,
            ["broadcast wait p50 ms"] = Percentile(waits, 0.50),
            ["broadcast wait p99 ms"] = Percentile(waits, 0.99),
            ["broadcast CPU ms per message"] = broadcastCpu.TotalMilliseconds / Math.Max(1, announcements.Count),
            ["broadcast 429s"] = api.RateLimitedCount,
            ["broadcast duplicates"] = perChat.Sum(g => g.Count() - 1),
            ["broadcast misses"] = recipients - perChat.Count,
        };
        if (!pressWave)
        {
            return result;
        }

        var presses = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var coordinators = Enumerable.Range(0, run.World.Districts.Count).Select(run.World.Coordinator).ToList();
        var helpAsked = new List<(long Chat, DateTimeOffset At)>();
        var beforeWave = api.Delivered.Count;
        var answersBefore = api.CallbackAnswers.Count;
        var waveCpu = run.Meter.CpuTime();
        var started = DateTimeOffset.UtcNow;
        using var stop = new CancellationTokenSource();
        var others = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var coordinator in coordinators)
                {
                    lock (helpAsked)
                    {
                        helpAsked.Add((coordinator, DateTimeOffset.UtcNow));
                    }
                    api.EnqueueText(coordinator, "/help");
                }
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        });
        foreach (var message in perChat.Select(g => g.First()))
        {
            var yes = message.Buttons().First(b => b.Text.Contains("Буду", StringComparison.Ordinal)).CallbackData!;
            presses[api.EnqueueButtonPress(message.ChatId, message.MessageId, yes).CallbackQuery!.Id] = DateTimeOffset.UtcNow;
        }
        await WaitQuietAsync(api, () => api.CallbackAnswers.Count - answersBefore >= presses.Count);
        await stop.CancelAsync();
        await others;
        await WaitQuietAsync(api, () => false, TimeSpan.FromSeconds(5));
        var waveCpuUsed = run.Meter.CpuTime() - waveCpu;

        var acknowledgements = api.CallbackAnswers.Skip(answersBefore)
            .Where(a => presses.ContainsKey(a.CallbackQueryId))
            .Select(a => (a.At - presses[a.CallbackQueryId]).TotalMilliseconds).Order().ToList();
        var wave = api.Delivered.Skip(beforeWave).ToList();
        var edits = wave.Where(m => m.Method.StartsWith("edit", StringComparison.Ordinal)).ToList();
        var helpLatencies = HelpLatencies(helpAsked, wave.Where(m => m.Method == "sendMessage" && coordinators.Contains(m.ChatId)).ToList());
        result["wave presses acknowledged"] = acknowledgements.Count;
        result["wave ack p50 ms"] = Percentile(acknowledgements, 0.50);
        result["wave ack p99 ms"] = Percentile(acknowledgements, 0.99);
        result["wave edits done s"] = edits.Count == 0 ? 0 : (edits.Max(e => e.At) - started).TotalSeconds;
        result["wave others' reply p50 ms"] = Percentile(helpLatencies, 0.50);
        result["wave others' reply p99 ms"] = Percentile(helpLatencies, 0.99);
        result["wave others' reply max ms"] = helpLatencies.Count == 0 ? double.NaN : helpLatencies[^1];
        result["wave 429s"] = api.RateLimitedCount - result["broadcast 429s"];
        result["wave CPU ms per update"] = waveCpuUsed.TotalMilliseconds / Math.Max(1, presses.Count + helpLatencies.Count);
        result["wave presses acknowledged twice"] = api.CallbackAnswers.Skip(answersBefore).GroupBy(a => a.CallbackQueryId).Sum(g => g.Count() - 1);
        result["wave presses missed"] = presses.Count - acknowledgements.Count;
        return result;
    }

    /// <summary>
    /// Nothing to do, measured over two minutes: the first after start-up (20–80 s, while the runtime still compiles
    /// the code that start-up ran into its optimised tier), and one after five minutes, when that has settled.
    /// </summary>
    private static async Task<Dictionary<string, double>> IdleAsync(Run run)
    {
        var sinceStart = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(20));
        var early = await IdleCpuPercentAsync(run);
        await Task.Delay(TimeSpan.FromMinutes(5) - sinceStart.Elapsed);
        var settled = await IdleCpuPercentAsync(run);
        return new Dictionary<string, double>
        {
            ["idle CPU % 20-80 s after start"] = early,
            ["idle CPU % 5-6 min after start"] = settled,
            ["idle 429s"] = run.Api.RateLimitedCount,
            ["idle calls other than getUpdates"] = run.Api.TotalCallCount - run.Api.CallCount("getUpdates"),
        };
    }

    private static async Task<double> IdleCpuPercentAsync(Run run)
    {
        var cpu = run.Meter.CpuTime();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(60));
        return 100 * (run.Meter.CpuTime() - cpu).TotalMilliseconds / clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// A bot runs for weeks, so a burst meets code the runtime has long since optimised: the same texts from the other
    /// thousand people first, unmeasured, so that the measured burst does not pay for the just-started process's compiling.
    /// </summary>
    private static async Task WarmUpAsync(Run run, IReadOnlyList<string> texts)
    {
        var others = Enumerable.Range(BurstPeople, People - BurstPeople - 1).Select(i => run.World.Person(i / BenchWorld.PerDistrict, i % BenchWorld.PerDistrict));
        foreach (var person in others)
        {
            foreach (var text in texts.Take(2))
            {
                run.Api.EnqueueText(person, text);
            }
        }
        await WaitQuietAsync(run.Api, () => false, TimeSpan.FromSeconds(5));
    }

    /// <summary>How many messages one update of each text brings, asked of a person outside the measured load.</summary>
    private static async Task<Dictionary<string, int>> RepliesPerUpdateAsync(Run run, IReadOnlyList<string> texts)
    {
        var probe = run.World.Person(run.World.Districts.Count - 1, BenchWorld.PerDistrict - 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var before = run.Api.DeliveredTo(probe).Count;
            run.Api.EnqueueText(probe, text);
            await WaitQuietAsync(run.Api, () => false, TimeSpan.FromSeconds(3));
            counts[text] = run.Api.DeliveredTo(probe).Count - before;
            if (counts[text] == 0)
            {
                throw new InvalidOperationException($"The bot did not answer '{text}'.");
            }
        }
        return counts;
    }

    /// <summary>Each /help is answered by the first reply to its chat after it was asked.</summary>
    private static List<double> HelpLatencies(List<(long Chat, DateTimeOffset At)> asked, List<DeliveredMessage> replies)
    {
        var latencies = new List<double>();
        foreach (var chat in asked.GroupBy(a => a.Chat))
        {
            var answers = new Queue<DeliveredMessage>(replies.Where(r => r.ChatId == chat.Key).OrderBy(r => r.MessageId));
            foreach (var (_, at) in chat.OrderBy(a => a.At))
            {
                if (answers.TryDequeue(out var answer))
                {
                    latencies.Add((answer.At - at).TotalMilliseconds);
                }
            }
        }
        latencies.Sort();
        return latencies;
    }

    /// <summary>Waits until <paramref name="done"/> holds, or nothing has been delivered for <paramref name="quiet"/>.</summary>
    private static async Task WaitQuietAsync(FakeBotApi api, Func<bool> done, TimeSpan? quiet = null)
    {
        var calm = quiet ?? TimeSpan.FromSeconds(10);
        var deadline = Stopwatch.StartNew();
        var lastCount = -1;
        var lastChange = Stopwatch.StartNew();
        while (!done() && deadline.Elapsed < Patience)
        {
            var count = api.TotalCallCount - api.CallCount("getUpdates");
            if (count != lastCount)
            {
                lastCount = count;
                lastChange.Restart();
            }
            else if (lastChange.Elapsed > calm)
            {
                return;
            }
            await Task.Delay(50);
        }
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    private static string Format(double value) => value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>One run: a copy of the seeded database, the fake Bot API and the bot process on it.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly string _path;
        private readonly BotProcess _bot;

        private Run(string path, BenchWorld world, FakeBotApi api, BotProcess bot)
        {
            _path = path;
            World = world;
            Api = api;
            _bot = bot;
            Meter = new ProcessMeter(bot.ProcessId);
        }

        public BenchWorld World { get; }
        public FakeBotApi Api { get; }
        public ProcessMeter Meter { get; }

        public static async Task<Run> StartAsync(string seeded, BenchWorld world, TimeSpan latency, bool liftOverallLimit)
        {
            var directory = Directory.CreateTempSubdirectory("mentorbot-e2e-").FullName;
            var path = Path.Combine(directory, "bot.db");
            File.Copy(seeded, path);
            await QuietTheSeedAsync(path);
            var limits = liftOverallLimit ? new FakeRateLimits(Overall: 1_000_000) : new FakeRateLimits();
            var api = await FakeBotApi.StartAsync(new FakeBotApiOptions { RateLimits = limits, AnswerLatency = latency });
            var settings = BenchHost.DistrictSettings(world);
            if (liftOverallLimit)
            {
                settings["Outbound:GlobalMessagesPerSecond"] = "1000000";
            }
            settings["Telegram:PollingTimeoutSeconds"] = "25";
            settings["Telegram:RequestTimeoutSeconds"] = "30";
            var bot = await BotProcess.StartAsync(api, path, settings);
            return new Run(path, world, api, bot);
        }

        /// <summary>The seed's due reminders and unsent messages would go out at start and be counted as the load's.</summary>
        private static async Task QuietTheSeedAsync(string path)
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM reminders; DELETE FROM outbox WHERE status <> 'sent'; PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>An announcement of a forum to everyone in every district, due now: the bot's broadcast job sends it.</summary>
        public async Task ScheduleAnnouncementAsync(string title)
        {
            var warnings = new WarningCounter();
            using var host = BenchHost.Build(_path, World, 1, warnings);
            await using var scope = host.Services.CreateAsyncScope();
            var now = DateTimeOffset.UtcNow;
            await scope.ServiceProvider.GetRequiredService<AnnouncementRepository>().CreateAsync(new Announcement
            {
                CoordinatorId = World.RegionalCoordinator(0),
                Kind = AnnouncementKind.Forum,
                Title = title,
                StartsAt = now.AddDays(14),
                TimeZone = World.Districts[0].TimeZone,
                Place = "МБОУ СОШ № 1, актовый зал",
                Description = "Пленарное заседание и работа в секциях.",
                Audience = new AnnouncementAudience { Role = AudienceRole.Everyone, Districts = World.Districts.Select(d => d.Code).ToList() },
                Status = AnnouncementStatus.Scheduled,
                SendAt = now,
                CreatedAt = now,
            });
        }

        /// <summary>
        /// How long until every update from <paramref name="firstId"/> to <paramref name="lastId"/> is committed, read from
        /// the bot's database beside it: handling alone, without the per-chat wait between a person's answers.
        /// </summary>
        public async Task<TimeSpan> WaitUntilHandledAsync(long firstId, long lastId)
        {
            var clock = Stopwatch.StartNew();
            await using var connection = new SqliteConnection($"Data Source={_path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM processed_updates WHERE update_id BETWEEN {firstId} AND {lastId}";
            while (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < lastId - firstId + 1 && clock.Elapsed < Patience)
            {
                await Task.Delay(20);
            }
            return clock.Elapsed;
        }

        public async Task<int> RecipientCountAsync()
        {
            await using var connection = new SqliteConnection($"Data Source={_path};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM announcement_recipients WHERE announcement_id = (SELECT MAX(id) FROM announcements)";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            await _bot.DisposeAsync();
            await Api.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        }
    }
}

/// <summary>CPU time and resident memory of another process, from /proc (Linux).</summary>
public sealed class ProcessMeter(int processId)
{
    private static readonly double TicksPerSecond = 100;

    public TimeSpan CpuTime()
    {
        // Fields 14 and 15 (utime, stime) follow the command name, which is in parentheses and may hold spaces.
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public double ResidentMiB()
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
