namespace MentorBot.Bot.Tests.Deploy;

/// <summary>The unit file, read as systemd reads it: sections of keys, a key possibly repeated.</summary>
public sealed class SystemdUnitTests
{
    private static readonly Dictionary<string, List<(string Key, string Value)>> Unit = Parse(Repository.Read("deploy/mentorbot.service"));

    private static string Service(string key) => Unit["Service"].Single(p => p.Key == key).Value;

    [Theory]
    [InlineData("ProtectSystem", "strict")]
    [InlineData("ProtectHome", "yes")]
    [InlineData("PrivateTmp", "yes")]
    [InlineData("PrivateDevices", "yes")]
    [InlineData("NoNewPrivileges", "yes")]
    [InlineData("DynamicUser", "yes")]
    [InlineData("StateDirectory", "mentorbot")]
    [InlineData("CapabilityBoundingSet", "")]
    public void The_sandbox_is_hardened(string key, string value)
    {
        Assert.Equal(value, Service(key));
    }

    [Fact]
    public void The_bot_works_and_keeps_its_database_in_the_state_directory()
    {
        var state = "/var/lib/" + Service("StateDirectory");
        var environment = Unit["Service"].Where(p => p.Key == "Environment").Select(p => p.Value.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(state, Service("WorkingDirectory"));
        Assert.Equal(state, Path.GetDirectoryName(environment["Database__Path"])!.Replace('\\', '/'));
        Assert.All(environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)), key => Assert.True(Repository.IsSettingKey(key), key));
    }

    [Fact]
    public void Secrets_come_from_an_environment_file_and_the_published_dll_runs()
    {
        Assert.StartsWith("/etc/mentorbot/", Service("EnvironmentFile"), StringComparison.Ordinal);
        Assert.EndsWith("/MentorBot.dll", Service("ExecStart"), StringComparison.Ordinal);
        Assert.DoesNotContain(Unit["Service"], p => p.Key == "Environment" && p.Value.StartsWith("Telegram__BotToken", StringComparison.Ordinal));
    }

    [Fact]
    public void It_restarts_after_a_crash_but_not_after_a_configuration_error()
    {
        Assert.Contains(Service("Restart"), new[] { "on-failure", "always" });
        // Program exits with 2 when the configuration is wrong.
        Assert.Contains("2", Service("RestartPreventExitStatus").Split(' '));
    }

    [Fact]
    public void Nothing_forbids_what_the_dotnet_runtime_needs()
    {
        // The JIT needs memory that is written and then executed.
        Assert.DoesNotContain(Unit["Service"], p => p.Key == "MemoryDenyWriteExecute" && p.Value == "yes");
        Assert.Equal("multi-user.target", Unit["Install"].Single(p => p.Key == "WantedBy").Value);
    }

    private static Dictionary<string, List<(string Key, string Value)>> Parse(string text)
    {
        var sections = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        List<(string, string)>? current = null;
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(';')))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = sections[line[1..^1]] = [];
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(current is not null && equals > 0, $"not a key in a section: {line}");
            current!.Add((line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }
        return sections;
    }
}
