using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Cli;

public static class CliRunner
{
    /// <summary>Runs a one-shot command with the same configuration sources as the bot.</summary>
    public static async Task<int> RunAsync(ICliCommand command, string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await command.RunAsync(args[1..], new CliContext(Console.Out, Console.Error, configuration), cancellation.Token);
    }
}
