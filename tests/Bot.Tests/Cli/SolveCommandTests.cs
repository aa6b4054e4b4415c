using MentorBot.Bot.Cli;

namespace MentorBot.Bot.Tests.Cli;

public sealed class SolveCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Solves_the_issues_example_into_the_output_file()
    {
        var input = _cli.Write("instance.json", """
            {"mentees":[{"id":"y1"}],
             "mentors":[{"id":"f1","capacity":2}],
             "pairs":[{"mentee":"y1","mentor":"f1","score":0.83}]}
            """);

        var exit = await _cli.RunAsync(new SolveCommand(), null, "--input", input, "--output", _cli.PathOf("result.json"));

        Assert.Equal(0, exit);
        Assert.Equal("", _cli.Error);
        Assert.Equal(
            """{"matched":1,"total":0.83,"assignments":[{"mentee":"y1","mentor":"f1","score":0.83}]}""",
            Compact(File.ReadAllText(_cli.PathOf("result.json"))));
        Assert.StartsWith("matched 1, total 0.83; written to", _cli.Out);
    }

    [Fact]
    public async Task Maximises_matches_first_and_writes_to_standard_output_without_an_output_file()
    {
        var input = _cli.Write("instance.json", """
            {"mentees":[{"id":"y2"},{"id":"y1"}],
             "mentors":[{"id":"f1","capacity":1},{"id":"f2","capacity":1}],
             "pairs":[{"mentee":"y1","mentor":"f1","score":1},{"mentee":"y1","mentor":"f2","score":0.2},{"mentee":"y2","mentor":"f1","score":0.3}]}
            """);

        var exit = await _cli.RunAsync(new SolveCommand(), null, "--input", input);

        Assert.Equal(0, exit);
        Assert.Equal(
            """{"matched":2,"total":0.5,"assignments":[{"mentee":"y1","mentor":"f2","score":0.2},{"mentee":"y2","mentor":"f1","score":0.3}]}""",
            Compact(_cli.Out));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { """{"mentees":[{"id":"y1"},{"id":"y1"}],"mentors":[],"pairs":[]}""", "mentees[1].id: duplicate id \"y1\", first listed as mentees[0]" },
        { """{"mentees":[],"mentors":[{"id":"f1","capacity":1},{"id":"f1","capacity":1}],"pairs":[]}""", "mentors[1].id: duplicate id \"f1\"" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f9","score":0.5}]}""", "pairs[0].mentor: unknown mentor id \"f9\"" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y7","mentor":"f1","score":0.5}]}""", "pairs[0].mentee: unknown mentee id \"y7\"" },
        { """{"mentees":[],"mentors":[{"id":"f1","capacity":0}],"pairs":[]}""", "mentors[0].capacity: must be positive, got 0" },
        { """{"mentees":[],"mentors":[{"id":"f1","capacity":-1}],"pairs":[]}""", "mentors[0].capacity: must be positive, got -1" },
        { """{"mentees":[],"mentors":[{"id":"f1"}],"pairs":[]}""", "mentors[0].capacity: missing" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1","score":1.2}]}""", "pairs[0].score: must be in (0, 1], got 1.2" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1","score":0}]}""", "pairs[0].score: must be in (0, 1], got 0" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1","score":"NaN"}]}""", "pairs[0].score: NaN is not a score" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1","score":"-Infinity"}]}""", "pairs[0].score: must be in (0, 1], got -Infinity" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1"}]}""", "pairs[0].score: missing" },
        {
            """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1","score":0.5},{"mentee":"y1","mentor":"f1","score":0.6}]}""",
            "pairs[1]: duplicate pair \"y1\" – \"f1\", first listed as pairs[0]"
        },
        { """{"mentees":[{"id":"y1"}],"mentors":[]}""", "pairs: missing" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":1}],"pairs":[{"mentee":"y1","mentor":"f1","score":NaN}]}""", "not valid input JSON: 'N' is an invalid start of a value. Path: $.pairs[0].score" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacity":"two"}],"pairs":[]}""", "not valid input JSON: The JSON value could not be converted" },
        { """{"mentees":[{"id":"y1"}],"mentors":[{"id":"f1","capacty":1}],"pairs":[]}""", "not valid input JSON: The JSON property 'capacty' could not be mapped" },
        { """{"mentees":[{"id":"y1"}""", "not valid input JSON:" },
        { "null", "expected a JSON object" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Names_what_is_wrong_in_one_line_and_exits_non_zero(string json, string message)
    {
        var input = _cli.Write("instance.json", json);

        var exit = await _cli.RunAsync(new SolveCommand(), null, "--input", input, "--output", _cli.PathOf("result.json"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"solve: {input}: ", _cli.Error);
        Assert.Contains(message, _cli.Error);
        Assert.Single(_cli.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(_cli.PathOf("result.json")));
        Assert.Equal("", _cli.Out);
    }

    [Fact]
    public async Task Says_when_the_input_file_is_missing()
    {
        var exit = await _cli.RunAsync(new SolveCommand(), null, "--input", _cli.PathOf("absent.json"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"solve: cannot read {_cli.PathOf("absent.json")}: ", _cli.Error);
    }

    [Fact]
    public async Task Says_when_the_output_cannot_be_written()
    {
        var input = _cli.Write("instance.json", """{"mentees":[],"mentors":[],"pairs":[]}""");

        var exit = await _cli.RunAsync(new SolveCommand(), null, "--input", input, "--output", _cli.PathOf("no/such/folder/result.json"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"solve: cannot write {_cli.PathOf("no/such/folder/result.json")}: ", _cli.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("--input")]
    [InlineData("--input", "a.json", "--verbose")]
    public async Task Shows_usage_for_bad_arguments(params string[] args)
    {
        var exit = await _cli.RunAsync(new SolveCommand(), null, args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: solve --input instance.json [--output result.json]", _cli.Error);
    }

    [Fact]
    public void Is_registered_as_a_command_of_the_executable() =>
        Assert.IsType<SolveCommand>(CliCommands.Find(["solve", "--input", "x.json"]));

    private static string Compact(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
