using MentorBot.Bot.Cli;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Tests.Cli;

/// <summary>Runs a command as the executable would, in a temporary folder, and keeps what it printed.</summary>
public sealed class CliRun : IDisposable
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("mentorbot-cli-").FullName;
    public string Out => _out.ToString();
    public string Error => _error.ToString();

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        File.WriteAllText(PathOf(name), content);
        return PathOf(name);
    }

    public Task<int> RunAsync(ICliCommand command, IReadOnlyDictionary<string, string?>? settings = null, params string[] args) =>
        command.RunAsync(
            args,
            new CliContext(_out, _error, new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build()),
            CancellationToken.None);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
