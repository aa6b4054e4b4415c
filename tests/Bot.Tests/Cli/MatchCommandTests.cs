using System.Text.Json.Nodes;
using MentorBot.Bot.Cli;

namespace MentorBot.Bot.Tests.Cli;

public sealed class MatchCommandTests : IDisposable
{
    private const string District = """
        "district": "Динской район", "region": "Краснодарский край"
        """;

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Directors(string constraints = "", string extra = "") => $$"""
        {
          "directors": [
            {"id": "school-1", "role": "flagship", {{District}}, "settlement": "rural", "size": "small",
             "strengths": ["legal", "team"], "wantsToLearn": ["digital"], "capacity": 1, "currentLoad": 0},
            {"id": "school-4", "role": "flagship", {{District}}, "settlement": "rural", "status": "lowResults",
             "strengths": ["quality", "transition"], "capacity": 2},
            {"id": "school-9", "role": "young", {{District}}, "settlement": "rural", "size": "small",
             "location": {"latitude": 45.21, "longitude": 39.22},
             "deficits": ["legal", "team", "parents"], "offers": ["digital"]},
            {"id": "school-53", "role": "young", {{District}}, "status": "lowResults", "deficits": ["quality"]},
            {"id": "school-26", "role": "young", {{District}}, "deficits": ["preschool"]}
          ]{{constraints}}{{extra}}
        }
        """;

    [Fact]
    public async Task Writes_the_proposal_with_reasons_and_the_unmatched_with_causes()
    {
        var input = _cli.Write("directors.json", Directors());

        var exit = await _cli.RunAsync(new MatchCommand(), null, "--input", input, "--output", _cli.PathOf("proposal.json"));

        Assert.Equal(0, exit);
        Assert.Equal("", _cli.Error);
        Assert.StartsWith("matched 2 of 3 young directors; written to", _cli.Out);
        var text = File.ReadAllText(_cli.PathOf("proposal.json"));
        Assert.Contains("закрывает 2 из 3 ваших дефицитов: правовые вопросы, делегирование", text); // Cyrillic unescaped
        var proposal = JsonNode.Parse(text)!;
        Assert.Equal(2, (int)proposal["matched"]!);
        Assert.True((bool)proposal["provenOptimal"]!);
        var first = proposal["assignments"]![0]!;
        Assert.Equal(("school-53", "school-4", false), ((string)first["mentee"]!, (string)first["mentor"]!, (bool)first["pinned"]!));
        Assert.Equal(
            "закрывает ваш дефицит: качество образования и ВСОКО; тот же район; тот же статус: ШНОР; пока без подопечных",
            (string)first["reason"]!);
        var unmatched = proposal["unmatched"]![0]!;
        Assert.Equal(("school-26", "noCoverage"), ((string)unmatched["mentee"]!, (string)unmatched["cause"]!));
        Assert.Equal("никто из флагманов региона не закрывает ваши дефициты", (string)unmatched["reason"]!);
        Assert.Equal(2, (int)proposal["pruning"]!["candidatePairs"]!);
    }

    [Fact]
    public async Task Honours_constraints_option_overrides_and_labels()
    {
        var input = _cli.Write("directors.json", Directors(
            """, "constraints": {"pinned": [{"mentee": "school-53", "mentor": "school-1"}], "declined": [{"mentee": "school-9", "mentor": "school-4"}]}""",
            """, "options": {"coverageWeight": 1, "proximityWeight": 0}, "labels": {"quality": "ВСОКО"}"""));

        var exit = await _cli.RunAsync(new MatchCommand(), null, "--input", input);

        Assert.Equal(0, exit);
        var proposal = JsonNode.Parse(_cli.Out)!;
        var pinned = proposal["assignments"]!.AsArray().Single(a => (string)a!["mentee"]! == "school-53")!;
        Assert.True((bool)pinned["pinned"]!);
        Assert.StartsWith("не закрывает ни одного из ваших дефицитов", (string)pinned["reason"]!);
        var school9 = proposal["unmatched"]!.AsArray().Single(u => (string)u!["mentee"]! == "school-9")!;
        Assert.Equal("coveringFlagshipsFull", (string)school9["cause"]!);
    }

    [Fact]
    public async Task Takes_options_from_the_Matching_section_when_the_file_has_none()
    {
        var input = _cli.Write("directors.json", Directors());

        var exit = await _cli.RunAsync(new MatchCommand(), new Dictionary<string, string?> { ["Matching:CoverageWeight"] = "0" }, "--input", input);

        Assert.Equal(1, exit);
        Assert.Equal($"match: {input}: options.CoverageWeight: must be a positive number", _cli.Error.TrimEnd());
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { """{"directors": [{"id": "y1", "role": "mentor", "district": "A", "region": "B"}]}""", "not valid input JSON: The JSON value could not be converted to MentorBot.Matching.Profiles.DirectorProfile. Path: $.directors[0].role" },
        { """{"directors": [{"id": "y1", "district": "A", "region": "B"}]}""", "not valid input JSON:" },
        { """{"directors": [{"id": "y1", "role": "young", "district": "A", "region": "B"}, {"id": "y1", "role": "flagship", "district": "A", "region": "B"}]}""", "directors[1].id: duplicate id \"y1\", first listed as directors[0]" },
        { """{"directors": [{"id": "f1", "role": "flagship", "district": "A", "region": "B", "capacity": -1}]}""", "directors[0].capacity: must not be negative, got -1" },
        { """{"directors": [{"id": "y1", "role": "young", "district": "", "region": "B"}]}""", "directors[0].district: missing or empty" },
        { """{"directors": [{"id": "y1", "role": "young", "district": "A", "region": "B", "deficits": ["legal", ""]}]}""", "directors[0].deficits[1]: missing or empty code" },
        { """{"directors": [], "constraints": {"pinned": [{"mentee": "y1", "mentor": "f1"}]}}""", "constraints.pinned[0].mentee: \"y1\" is not a young director of this run" },
        { """{"directors": [], "constraints": {"excluded": [{"mentee": "y1"}]}}""", "constraints.excluded[0].mentor: missing" },
        { """{"directors": [], "options": {"candidatesPerMentee": 0}}""", "options.CandidatesPerMentee: must be at least 1" },
        { """{"directors": [], "options": {"coverageWeight": "NaN"}}""", "options.CoverageWeight: must be a positive number" },
        { """{"mentees": []}""", "not valid input JSON: The JSON property 'mentees' could not be mapped" },
        { """{}""", "directors: missing" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Names_what_is_wrong_in_one_line_and_exits_non_zero(string json, string message)
    {
        var input = _cli.Write("directors.json", json);

        var exit = await _cli.RunAsync(new MatchCommand(), null, "--input", input, "--output", _cli.PathOf("proposal.json"));

        Assert.Equal(1, exit);
        Assert.StartsWith($"match: {input}: ", _cli.Error);
        Assert.Contains(message, _cli.Error);
        Assert.Single(_cli.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(_cli.PathOf("proposal.json")));
    }

    [Fact]
    public void Is_registered_as_a_command_of_the_executable() =>
        Assert.IsType<MatchCommand>(CliCommands.Find(["match"]));
}
