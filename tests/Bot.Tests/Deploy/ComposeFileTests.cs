namespace MentorBot.Bot.Tests.Deploy;

public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, object> Compose = MiniYaml.Parse(Repository.Read("deploy/docker-compose.yml"));

    private static Dictionary<string, object> Bot => Compose.Map("services").Map("mentorbot");

    [Fact]
    public void The_bot_is_built_from_the_repository_with_the_deploy_Dockerfile()
    {
        var build = Bot.Map("build");
        var context = Path.GetFullPath(Path.Combine(Repository.PathOf("deploy"), (string)build["context"]));

        Assert.Equal(Repository.Root.TrimEnd(Path.DirectorySeparatorChar), context.TrimEnd(Path.DirectorySeparatorChar));
        Assert.True(File.Exists(Path.Combine(context, (string)build["dockerfile"])));
        Assert.Equal("unless-stopped", Bot["restart"]);
        Assert.False(Bot.ContainsKey("profiles"), "the bot must start without naming a profile");
    }

    [Fact]
    public void The_database_is_on_a_named_volume_at_the_images_path()
    {
        var mounts = Bot.List("volumes").Cast<string>().Select(v => v.Split(':')).ToList();
        var database = Bot.Map("environment")["Database__Path"].ToString()!;
        var mount = Assert.Single(mounts, m => m[1] == Path.GetDirectoryName(database)!.Replace('\\', '/'));

        Assert.True(Compose.Map("volumes").ContainsKey(mount[0]), $"volume {mount[0]} is not declared");
        Assert.Equal("/var/lib/mentorbot/mentorbot.db", database);
    }

    [Fact]
    public void Its_settings_are_real_keys_and_its_secrets_come_from_an_env_file_with_an_example()
    {
        Assert.All(Bot.Map("environment").Keys, key => Assert.True(Repository.IsSettingKey(key), $"{key} is no key of appsettings.json"));
        Assert.All(Bot.List("env_file").Cast<string>(), file => Assert.True(Repository.Exists($"deploy/{file}.example"), $"no deploy/{file}.example"));
        Assert.DoesNotContain("Telegram__BotToken", Bot.Map("environment").Keys);
    }

    [Fact]
    public void Ports_are_published_on_loopback_only()
    {
        Assert.All(Bot.List("ports").Cast<string>(), port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
    }

    [Fact]
    public void PostgreSQL_starts_only_with_its_profile()
    {
        var postgres = Compose.Map("services").Map("postgres");

        Assert.Equal(["postgres"], postgres.List("profiles"));
        Assert.True(Compose.Map("volumes").ContainsKey(postgres.List("volumes").Cast<string>().Single().Split(':')[0]));
    }

    [Fact]
    public void The_example_env_file_names_only_real_keys()
    {
        var keys = Repository.Read("deploy/mentorbot.env.example").Split('\n')
            .Select(l => l.Trim().TrimStart('#'))
            .Where(l => l.Contains("__", StringComparison.Ordinal) && l.Contains('=', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)])
            .ToList();

        Assert.Contains("Telegram__BotToken", keys);
        Assert.All(keys, key => Assert.True(Repository.IsSettingKey(key), $"{key} is no key of appsettings.json"));
    }

    [Fact]
    public void The_reader_understands_the_shapes_it_claims_and_refuses_the_rest()
    {
        var yaml = MiniYaml.Parse("a:\n  b: \"x # y\"  # note\n  c:\n  - 1\n  - '2'\nd: [p, q]\n");

        Assert.Equal("x # y", yaml.Map("a")["b"]);
        Assert.Equal(["1", "2"], yaml.Map("a").List("c"));
        Assert.Equal("[p, q]", yaml["d"]);
        Assert.Throws<FormatException>(() => MiniYaml.Parse("a: 1\n   b: 2\n"));
        Assert.Throws<FormatException>(() => MiniYaml.Parse("a: 1\na: 2\n"));
    }
}
