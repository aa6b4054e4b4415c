using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Bot.Bench;

/// <summary>
/// What one SQLite instance holds at a given size: a database seeded through the repositories (once per size, kept in
/// the temp directory), then, on a fresh copy of it per run, typical updates, the same with a coordinator's report
/// running alongside, the heaviest reads, a reminder sweep, draining a broadcast from the outbox, and a backup.
/// Usage: scale [people] [runs] [updates] [concurrent chats]
/// </summary>
public static class ScaleBench
{
    private const int SeedVersion = 1;
    private static readonly string[] TypicalTexts = ["/help", "/profile", "/partnership", "/reminders", "привет", "/practices"];

    public static async Task RunAsync(string[] args)
    {
        var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var updates = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 6_000;
        var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        var world = new BenchWorld(people);
        Console.WriteLine($"{Environment.ProcessorCount} cores; {people} people in {world.Districts.Count} districts of {world.Regions} regions; "
            + $"{runs} runs of {updates} typical updates, {concurrency} chats at a time; SQLite {SqliteVersion()}");

        var seeded = await SeededAsync(world);

        var results = new List<Dictionary<string, double>>();
        for (var run = 1; run <= runs; run++)
        {
            var result = await MeasureAsync(seeded, world, updates, concurrency);
            results.Add(result);
            Console.WriteLine($"run {run}: " + string.Join(", ", result.Select(r => $"{r.Key} {Format(r.Value)}")));
        }
        Console.WriteLine($"median of {runs} runs ({people} people):");
        foreach (var key in results[0].Keys)
        {
            var values = results.Select(r => r[key]).Order().ToList();
            Console.WriteLine($"  {key,-34} {Format(values[values.Count / 2]),12}   (min {Format(values[0])}, max {Format(values[^1])})");
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
    }

    /// <summary>The seeded database of this size, kept in the temp directory and seeded the first time it is asked for.</summary>
    public static async Task<string> SeededAsync(BenchWorld world)
    {
        var seeded = Path.Combine(Path.GetTempPath(), $"mentorbot-scale-v{SeedVersion}-{world.People}.db");
        if (!File.Exists(seeded))
        {
            await SeedAsync(seeded, world);
        }
        else
        {
            Console.WriteLine($"seed: reusing {seeded} (delete it to seed again)");
        }
        await DescribeAsync(seeded);
        return seeded;
    }

    private static async Task SeedAsync(string path, BenchWorld world)
    {
        var building = path + ".building";
        DeleteDatabase(building);
        var warnings = new WarningCounter();
        var clock = Stopwatch.StartNew();
        using (var host = BenchHost.Build(building, world, 2, warnings))
        {
            await host.StartAsync();
            // The sender would send the seeded broadcasts' pending rows before they are marked sent; stopping it is harmless.
            await ScaleSeed.RunAsync(host.Services, world, host.Services.GetRequiredService<TimeProvider>());
            await host.StopAsync();
        }
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        File.Move(building, path);
        DeleteDatabase(building);
        Console.WriteLine($"seed: {clock.Elapsed.TotalSeconds:F0} s through the repositories, {warnings.Count} warnings{(warnings.First is null ? "" : $" (first: {warnings.First})")}");
    }

    private static async Task DescribeAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var counts = new List<string>();
        foreach (var table in new[] { "people", "person_codes", "partnerships", "plan_items", "meetings", "checkins", "mentor_requests", "reminders", "announcement_recipients", "rsvps", "outbox", "processed_updates" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts.Add($"{table} {(long)(await count.ExecuteScalarAsync())!:N0}");
        }
        Console.WriteLine($"database: {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB; rows: {string.Join(", ", counts)}");
    }

    private static async Task<Dictionary<string, double>> MeasureAsync(string seeded, BenchWorld world, int updates, int concurrency)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mentorbot-scale-run-{Guid.NewGuid():N}.db");
        var backup = path + ".backup";
        File.Copy(seeded, path);
        var result = new Dictionary<string, double>();
        var warnings = new WarningCounter();
        try
        {
            using var host = BenchHost.Build(path, world, concurrency, warnings);
            await host.StartAsync();
            var services = host.Services;
            var batches = services.GetRequiredService<UpdateBatchHandler>();
            var random = new Random(7);

            // A warm-up, so the first timings do not include JIT and the page cache being filled.
            await LoadAsync(batches, world, random, 600, concurrency);
            await DrainAsync(services);

            var (rate, p50, p99, _) = await LoadAsync(batches, world, random, updates, concurrency);
            result["typical: updates/s"] = rate;
            result["typical: p50 ms"] = p50;
            result["typical: p99 ms"] = p99;
            await DrainAsync(services);

            // The same load while the coordinator of district 0 asks for /export again a second after each answer.
            var reports = new ConcurrentBag<double>();
            using (var stop = new CancellationTokenSource())
            {
                var coordinator = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        reports.Add(await TimeOneAsync(batches, world.Coordinator(0), "/export"));
                        await Task.Delay(1000, CancellationToken.None);
                    }
                });
                var (rateWith, p50With, p99With, maxWith) = await LoadAsync(batches, world, random, updates, concurrency);
                await stop.CancelAsync();
                await coordinator;
                result["with /export each 1 s: updates/s"] = rateWith;
                result["with /export each 1 s: p50 ms"] = p50With;
                result["with /export each 1 s: p99 ms"] = p99With;
                result["with /export each 1 s: max ms"] = maxWith;
            }
            await DrainAsync(services);

            // The heaviest reads, each through the pipeline as the coordinator's update, median of three.
            var district = world.Coordinator(0);
            var regional = world.RegionalCoordinator(0);
            foreach (var (label, user, text) in new[]
                     {
                         ("district /stats ms", district, "/stats"), ("district /export ms", district, "/export"),
                         ("district /match_district ms", district, "/match_district"), ("district /unmatched ms", district, "/unmatched"),
                         ("regional /stats ms", regional, "/stats"), ("regional /export ms", regional, "/export"),
                     })
            {
                var times = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    times.Add(await TimeOneAsync(batches, user, text));
                }
                result[label] = times.Order().ElementAt(1);
            }
            await DrainAsync(services);

            // The reminder sweep: idle (every 30 s), then with monthly check-in prompts due for up to 1,000 pairs.
            var sweeper = services.GetRequiredService<ReminderSweeper>();
            var idle = Stopwatch.StartNew();
            await sweeper.SweepAsync();
            result["idle sweep ms"] = idle.Elapsed.TotalMilliseconds;
            var due = await DueCheckinsAsync(services, 1_000);
            var sweep = Stopwatch.StartNew();
            var swept = await sweeper.SweepAsync();
            result["sweep: reminders/s"] = swept.Sent / sweep.Elapsed.TotalSeconds;
            result["sweep: reminders sent"] = swept.Sent;
            if (swept.Sent < due * 9 / 10)
            {
                Console.WriteLine($"  (only {swept.Sent} of {due} due reminders were sent: {swept})");
            }
            await DrainAsync(services);

            // The outbox: a broadcast's rows to everyone (at most 10,000), drained with the rate limits lifted.
            var recipients = Enumerable.Range(0, Math.Min(world.People, 10_000))
                .Select(i => BenchWorld.FirstPerson + i).ToList();
            await ScaleSeed.InTransactionAsync(services, scope => scope.GetRequiredService<OutboxRepository>().EnqueueBroadcastAsync(
                900_000_000 + Random.Shared.Next(1_000_000), recipients.Select(r => new OutgoingMessage { ChatId = r, Text = "Приглашаем на форум…" }),
                scope.GetRequiredService<TimeProvider>().GetUtcNow()));
            var drain = Stopwatch.StartNew();
            services.GetRequiredService<OutboxSignal>().Notify();
            await DrainAsync(services);
            result["outbox: messages/s"] = recipients.Count / drain.Elapsed.TotalSeconds;

            var copy = Stopwatch.StartNew();
            await SqliteBackup.CopyAsync(path, backup, 10_000);
            result["backup s"] = copy.Elapsed.TotalSeconds;
            result["database MiB"] = (new FileInfo(path).Length + SizeOf(path + "-wal")) / 1024.0 / 1024.0;
            result["warnings logged"] = warnings.Count;
            if (warnings.First is { } first)
            {
                Console.WriteLine($"  first warning: {first}");
            }
            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            DeleteDatabase(path);
            DeleteDatabase(backup);
        }
        return result;
    }

    /// <summary>Registered directors (400 of them, chosen at random) each send their share of the mix, in order per chat.</summary>
    private static async Task<(double Rate, double P50, double P99, double Max)> LoadAsync(UpdateBatchHandler batches, BenchWorld world, Random random, int count, int concurrency)
    {
        const int chats = 400;
        var users = Enumerable.Range(0, chats).Select(_ => BenchWorld.FirstPerson + random.Next(world.People)).Distinct().ToList();
        var scripts = users.Select((user, c) => Enumerable.Range(0, count / users.Count)
            .Select(i => Text(user, TypicalTexts[(i + c) % TypicalTexts.Length])).ToList()).ToList();
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(scripts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (script, token) =>
        {
            foreach (var update in script)
            {
                var started = Stopwatch.GetTimestamp();
                await batches.HandleOneAsync(update, token);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        clock.Stop();
        var sorted = latencies.Order().ToArray();
        return (sorted.Length / clock.Elapsed.TotalSeconds, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1]);
    }

    private static async Task<double> TimeOneAsync(UpdateBatchHandler batches, long user, string text)
    {
        var started = Stopwatch.GetTimestamp();
        await batches.HandleOneAsync(Text(user, text), CancellationToken.None);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static Update Text(long user, string text) => new()
    {
        Id = UpdateIds.Next(),
        Message = new Message
        {
            Id = 1,
            From = new User { Id = user, FirstName = "Анна", Username = $"director{user}" },
            Chat = new Chat { Id = user, Type = ChatType.Private },
            Text = text,
        },
    };

    /// <summary>Monthly check-in prompts due now for up to <paramref name="limit"/> active partnerships, as the scheduler plans them.</summary>
    private static async Task<int> DueCheckinsAsync(IServiceProvider services, int limit)
    {
        var count = 0;
        await ScaleSeed.InTransactionAsync(services, async scope =>
        {
            var now = scope.GetRequiredService<TimeProvider>().GetUtcNow();
            var reminders = scope.GetRequiredService<MentorshipReminders>();
            foreach (var partnership in (await scope.GetRequiredService<PartnershipRepository>().ActiveAsync()).Take(limit))
            {
                await reminders.ScheduleCheckinAsync(partnership.Id, partnership.MenteeId, now.AddMinutes(-1), default);
                count++;
            }
        });
        return count;
    }

    /// <summary>Waits until the outbox sender has sent everything pending.</summary>
    private static async Task DrainAsync(IServiceProvider services)
    {
        services.GetRequiredService<OutboxSignal>().Notify();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<OutboxRepository>().PendingCountAsync() == 0)
            {
                return;
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("the outbox did not drain within ten minutes");
            }
            await Task.Delay(5);
        }
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    private static string Format(double value) => value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("F2", CultureInfo.InvariantCulture);
}
