using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MentorBot.Bot.Tests.Hosting;

/// <summary>The real executable, as an operator starts it: a stop at any moment ends it with 0 and no stack trace.</summary>
public sealed class StopWhileStartingTests
{
    [Fact]
    public async Task The_console_chat_without_standard_input_exits_zero_quietly()
    {
        using var folder = new TempFolder();
        using var bot = Start(folder.Path);
        bot.StandardInput.Close();

        var (code, output) = await WaitAsync(bot);

        Assert.True(code == 0, $"exit {code}:\n{output}");
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(600)]
    [InlineData(900)]
    [InlineData(1500)]
    [InlineData(4000)]
    public async Task SIGTERM_at_any_moment_of_the_start_exits_zero_quietly(int afterMilliseconds)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var folder = new TempFolder();
        using var bot = Start(folder.Path);
        await Task.Delay(afterMilliseconds);
        if (!bot.HasExited)
        {
            Assert.Equal(0, Kill(bot.Id, 15));
        }

        var (code, output) = await WaitAsync(bot);

        Assert.True(code == 0, $"exit {code} after {afterMilliseconds} ms:\n{output}");
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MentorBot.dll"));
        start.Environment["Telegram__BotToken"] = "";
        start.Environment["Database__Path"] = Path.Combine(folder, "bot.db");
        start.Environment["Operations__HealthListenUrl"] = "http://127.0.0.1:0";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<(int Code, string Output)> WaitAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mentorbot-stop-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
