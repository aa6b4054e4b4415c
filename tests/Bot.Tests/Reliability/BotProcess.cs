using System.Collections.Concurrent;
using System.Diagnostics;
using MentorBot.Bot.Tests.Fakes;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// The real executable (MentorBot.dll, copied next to the tests) in a process of its own, polling a
/// <see cref="FakeBotApi"/> on loopback, so that a test can kill it the way a power cut or the OOM killer would: no
/// graceful stop, no finally blocks, no flush.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BotProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
    }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts the bot on <paramref name="databasePath"/> and returns once it polls. <paramref name="settings"/> are
    /// configuration keys (Section:Key) added to those that point it at the fake.
    /// </summary>
    public static async Task<BotProcess> StartAsync(FakeBotApi api, string databasePath, IReadOnlyDictionary<string, string>? settings = null, bool mayExit = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"));
        foreach (var (key, value) in Configuration(api, databasePath, settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var polls = api.CallCount("getUpdates");
        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        try
        {
            // The fake notices calls only; an exit without one ends the wait too.
            var polled = api.WaitUntilAsync(a => a.CallCount("getUpdates") > polls || bot.HasExited, TimeSpan.FromSeconds(60));
            await Task.WhenAny(polled, bot._process.WaitForExitAsync());
            if (!bot.HasExited)
            {
                await polled;
            }
        }
        catch (TimeoutException)
        {
            await bot.KillAsync();
            throw new TimeoutException($"The bot did not poll within a minute of starting. Its output:{Environment.NewLine}{bot.Output}");
        }
        if (bot.HasExited && !mayExit)
        {
            throw new InvalidOperationException($"The bot exited at start with code {bot._process.ExitCode}:{Environment.NewLine}{bot.Output}");
        }
        return bot;
    }

    /// <summary>The exit code once the process ends by itself within <paramref name="timeout"/>.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the process and anything it started, then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static Dictionary<string, string> Configuration(FakeBotApi api, string databasePath, IReadOnlyDictionary<string, string>? settings)
    {
        var configuration = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Production, so that no developer's user secrets (a real token) reach the child.
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:Mode"] = "Polling",
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Telegram:RequestTimeoutSeconds"] = "5",
            ["Database:Path"] = databasePath,
            ["Operations:HealthListenUrl"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            configuration[key] = value;
        }
        return configuration;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }
}
