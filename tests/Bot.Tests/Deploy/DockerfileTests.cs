using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MentorBot.Bot.Tests.Operations;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Deploy;

/// <summary>Docker does not run here, so the Dockerfile is held against the repository it builds.</summary>
public sealed partial class DockerfileTests
{
    private const string BotProject = "src/Bot/MentorBot.Bot.csproj";

    private static readonly IReadOnlyList<Instruction> Instructions = Parse(Repository.Read("deploy/Dockerfile"));

    private static IEnumerable<Instruction> FinalStage => Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM"));

    [Fact]
    public void Every_path_it_copies_from_the_context_exists()
    {
        var sources = Copies().SelectMany(c => c.Sources).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(Repository.Exists(source), $"COPY {source}: not in the repository"));
    }

    [Fact]
    public void The_projects_it_restores_and_publishes_exist()
    {
        var runs = Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments).ToList();
        var built = runs.SelectMany(run => DotnetProject().Matches(run)).Select(m => m.Groups["project"].Value).ToList();

        Assert.Contains(built, p => p == BotProject);
        Assert.All(built, project => Assert.True(Repository.Exists(project), $"dotnet {project}: not in the repository"));
    }

    [Fact]
    public void Every_file_the_build_reads_is_copied_before_it_is_needed()
    {
        var restore = Instructions.ToList().FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiedBeforeRestore = Copies().Where(c => c.Index < restore).SelectMany(c => c.Targets).ToHashSet();
        var copied = Copies().SelectMany(c => c.Targets).ToList();

        // Restore needs the build settings, the package versions and every project file the bot references.
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" }.Concat(ProjectClosure(BotProject)))
        {
            Assert.True(copiedBeforeRestore.Contains(file), $"{file} is not copied before dotnet restore");
        }
        // Publish needs each project's sources and the files the projects link in, such as appsettings.json.
        foreach (var project in ProjectClosure(BotProject))
        {
            var folder = Path.GetDirectoryName(project)!.Replace('\\', '/') + "/";
            Assert.True(copied.Any(t => t == folder), $"{folder} is not copied");
            foreach (var linked in LinkedFiles(project))
            {
                // Either copied by name, or inside a folder that is copied (the charts' fonts under src/Bot/).
                Assert.True(copied.Contains(linked) || copied.Any(t => t.EndsWith('/') && linked.StartsWith(t, StringComparison.Ordinal)),
                    $"{linked}, linked by {project}, is not copied");
            }
        }
    }

    [Fact]
    public void The_runtime_stage_runs_the_published_bot_as_a_user_other_than_root()
    {
        var final = FinalStage.ToList();
        var framework = XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("TargetFramework").Single().Value;

        Assert.Equal($"mcr.microsoft.com/dotnet/aspnet:{framework["net".Length..]}", final[0].Arguments.Split(' ')[0]);
        var user = final.Last(i => i.Keyword == "USER").Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        var assembly = XDocument.Load(Repository.PathOf(BotProject)).Descendants("AssemblyName").Single().Value;
        var output = PublishOutput().Match(Instructions.Single(i => i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments).Groups["output"].Value;
        Assert.Equal($"[\"dotnet\", \"{output}/{assembly}.dll\"]", final.Single(i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void The_database_is_on_the_volume()
    {
        var final = FinalStage.ToList();
        var volume = final.Single(i => i.Keyword == "VOLUME").Arguments;
        var databasePath = Environment(final)["Database__Path"];

        Assert.Equal(volume, Path.GetDirectoryName(databasePath)!.Replace('\\', '/'));
        Assert.All(Environment(final).Keys.Where(k => k.Contains("__", StringComparison.Ordinal)),
            key => Assert.True(Repository.IsSettingKey(key), $"ENV {key} is no key of appsettings.json"));
    }

    [Fact]
    public void The_health_check_asks_readyz_on_the_default_health_port()
    {
        var check = FinalStage.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var health = new Uri(Repository.Setting("Operations:HealthListenUrl"));

        Assert.Contains($"/dev/tcp/{health.Host}/{health.Port}", check, StringComparison.Ordinal);
        Assert.Contains("GET /readyz ", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_command_passes_against_a_running_bot_and_fails_without_one()
    {
        if (!File.Exists("/bin/bash"))
        {
            return; // The image has bash; a machine without it cannot run the command as the container would.
        }
        int port;
        await using (var bot = await BotHarness.StartAsync(c => c["Operations:HealthListenUrl"] = "http://127.0.0.1:0"))
        {
            port = new Uri(HealthServerTests.UrlOf(bot.Services)).Port;
            Assert.Equal(0, await RunAsync(HealthCheckCommand(port)));
        }
        Assert.NotEqual(0, await RunAsync(HealthCheckCommand(port)));
    }

    [Fact]
    public void Local_build_output_and_databases_stay_out_of_the_context()
    {
        var ignored = Repository.Read("deploy/Dockerfile.dockerignore").Split('\n').Select(l => l.Trim()).ToList();

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/*.db", ignored);
    }

    /// <summary>The HEALTHCHECK command, aimed at <paramref name="port"/> instead of the default health port.</summary>
    private static string HealthCheckCommand(int port)
    {
        var check = FinalStage.Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        var command = check[(check.IndexOf("CMD ", StringComparison.Ordinal) + "CMD ".Length)..];
        var health = new Uri(Repository.Setting("Operations:HealthListenUrl"));
        return command.Replace($"/{health.Port} ", $"/{port} ", StringComparison.Ordinal);
    }

    /// <summary>Runs a shell-form command as Docker does, with /bin/sh -c; returns its exit code.</summary>
    private static async Task<int> RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardError = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private static IEnumerable<(int Index, IReadOnlyList<string> Sources, IReadOnlyList<string> Targets)> Copies()
    {
        foreach (var (instruction, index) in Instructions.Select((i, n) => (i, n)).Where(p => p.i.Keyword == "COPY"))
        {
            var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            {
                continue;
            }
            var sources = words[..^1];
            var destination = words[^1];
            // "COPY a b ./" puts a and b in the working directory; "COPY src/Bot/ src/Bot/" copies a folder.
            var targets = sources.Select(s => destination.EndsWith('/') && !s.EndsWith('/')
                ? (destination == "./" ? "" : destination) + Path.GetFileName(s)
                : destination).ToList();
            yield return (index, sources, targets);
        }
    }

    /// <summary>The project and every project it references, as repository paths.</summary>
    private static IReadOnlyList<string> ProjectClosure(string project)
    {
        var found = new List<string>();
        var pending = new Queue<string>([project]);
        while (pending.TryDequeue(out var next))
        {
            if (found.Contains(next))
            {
                continue;
            }
            found.Add(next);
            foreach (var reference in XDocument.Load(Repository.PathOf(next)).Descendants("ProjectReference"))
            {
                pending.Enqueue(Relative(next, reference.Attribute("Include")!.Value));
            }
        }
        return found;
    }

    private static IEnumerable<string> LinkedFiles(string project) =>
        XDocument.Load(Repository.PathOf(project)).Descendants()
            .Where(e => e.Attribute("Link") is not null)
            .Select(e => Relative(project, e.Attribute("Include")!.Value));

    private static string Relative(string project, string include)
    {
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.PathOf(project))!, include.Replace('\\', '/')));
        return Path.GetRelativePath(Repository.Root, full).Replace('\\', '/');
    }

    private static Dictionary<string, string> Environment(IEnumerable<Instruction> stage) =>
        stage.Where(i => i.Keyword == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    /// <summary>Instructions with their continuation lines joined; comments and parser directives dropped.</summary>
    private static List<Instruction> Parse(string text)
    {
        var instructions = new List<Instruction>();
        var current = "";
        foreach (var raw in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var space = current.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add(new Instruction(current[..space].ToUpperInvariant(), MultipleSpaces().Replace(current[(space + 1)..].Trim(), " ")));
                current = "";
            }
        }
        return instructions;
    }

    [GeneratedRegex(@"dotnet (?:restore|publish|build) (?<project>\S+\.csproj)")]
    private static partial Regex DotnetProject();

    [GeneratedRegex(@"--output (?<output>\S+)")]
    private static partial Regex PublishOutput();

    [GeneratedRegex(" {2,}")]
    private static partial Regex MultipleSpaces();

    private sealed record Instruction(string Keyword, string Arguments);
}
