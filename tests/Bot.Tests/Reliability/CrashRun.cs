using MentorBot.Bot.Tests.Fakes;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>Where, in a run, the bot process is killed: after so many Bot API calls or so many milliseconds, whichever comes first.</summary>
public sealed record KillPoints(int Kills, int MaxCallsApart, int MaxMillisecondsApart);

/// <summary>
/// One seeded run of a workload against the real bot process, which is killed at random points and started again on
/// the same database each time, while the workload goes on as users would: they keep waiting for their answers.
/// </summary>
public sealed class CrashRun : IAsyncDisposable
{
    private static readonly TimeSpan WorkloadLimit = TimeSpan.FromMinutes(4);

    private readonly Random _random;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private BotProcess _bot;

    private CrashRun(int seed, FakeBotApi api, BotDatabase database, IReadOnlyDictionary<string, string> settings, BotProcess bot)
    {
        _random = new Random(seed);
        Api = api;
        Database = database;
        _settings = settings;
        _bot = bot;
    }

    public FakeBotApi Api { get; }
    public BotDatabase Database { get; }

    /// <summary>How many times the process was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>The Bot API calls the whole run made, for the record of what was exercised.</summary>
    public int Calls => Api.TotalCallCount;

    public static async Task<CrashRun> StartAsync(int seed, BotDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var api = await FakeBotApi.StartAsync();
        settings ??= new Dictionary<string, string>();
        return new CrashRun(seed, api, database, settings, await BotProcess.StartAsync(api, database.Path, settings));
    }

    /// <summary>
    /// Runs <paramref name="workload"/> while killing the bot at the seeded points (fewer if the workload ends first);
    /// after each kill the bot starts again at once. Returns when the workload is done, the bot still running.
    /// </summary>
    public async Task RunAsync(Func<Task> workload, KillPoints points)
    {
        var work = Task.Run(workload);
        for (var i = 0; i < points.Kills && !work.IsCompleted; i++)
        {
            var calls = Api.TotalCallCount + _random.Next(1, points.MaxCallsApart + 1);
            var time = DateTime.UtcNow + TimeSpan.FromMilliseconds(_random.Next(points.MaxMillisecondsApart + 1));
            while (Api.TotalCallCount < calls && DateTime.UtcNow < time && !work.IsCompleted && !_bot.HasExited)
            {
                await Task.Delay(1);
            }
            Assert.False(_bot.HasExited, $"The bot died by itself:{Environment.NewLine}{_bot.Output}");
            if (work.IsCompleted)
            {
                break;
            }
            await _bot.KillAsync();
            Kills++;
            _bot = await BotProcess.StartAsync(Api, Database.Path, _settings);
        }

        if (await Task.WhenAny(work, Task.Delay(WorkloadLimit)) != work)
        {
            throw new TimeoutException($"The workload did not finish within {WorkloadLimit}. The bot's output:{Environment.NewLine}{_bot.Output}");
        }
        await work;
        Assert.False(_bot.HasExited, $"The bot died by itself:{Environment.NewLine}{_bot.Output}");
    }

    /// <summary>Waits until <paramref name="done"/> holds of the database, checking a few times a second.</summary>
    public async Task WaitUntilAsync(Func<BotDatabase, Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + WorkloadLimit;
        while (!await done(Database))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {WorkloadLimit}: {what}. The bot's output:{Environment.NewLine}{_bot.Output}");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await Api.DisposeAsync();
    }
}
