using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Cli;

/// <summary>A one-shot command of the bot's executable, such as <c>solve</c> or <c>backup</c>.</summary>
public interface ICliCommand
{
    /// <summary>The first argument that selects this command.</summary>
    string Name { get; }

    /// <summary>Runs the command with the arguments after its name; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken);
}

/// <summary>What a command may use: its output streams and the bot's configuration.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, IConfiguration Configuration);
