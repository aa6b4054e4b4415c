using System.Text.Json.Serialization.Metadata;
using MentorBot.Bot.Cli.Matching;
using MentorBot.Matching.Assignment;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Cli;

/// <summary>
/// <c>solve --input instance.json [--output result.json]</c>: the optimal assignment of an instance given as explicit
/// pair scores — as many mentees matched as possible, then the largest total score, within every capacity.
/// </summary>
internal sealed class SolveCommand : JsonFileCommand<SolveInput, SolveOutput>
{
    public override string Name => "solve";
    protected override string Usage => "solve --input instance.json [--output result.json]";
    protected override JsonTypeInfo<SolveInput> InputType => MatchingJsonContext.Readable.SolveInput;
    protected override JsonTypeInfo<SolveOutput> OutputType => MatchingJsonContext.Readable.SolveOutput;

    protected override SolveOutput Compute(SolveInput input, IConfiguration configuration)
    {
        var instance = new AssignmentInstance(
            [.. Required(input.Mentees, "mentees").Select((m, i) => Required(m, $"mentees[{i}]").Id ?? "")],
            [.. Required(input.Mentors, "mentors").Select((m, i) =>
                new MentorSeats(Required(m, $"mentors[{i}]").Id ?? "", Required(m!.Capacity, $"mentors[{i}].capacity")))],
            [.. Required(input.Pairs, "pairs").Select((p, i) =>
                new ScoredPair(
                    Required(Required(p, $"pairs[{i}]").Mentee, $"pairs[{i}].mentee"),
                    Required(p!.Mentor, $"pairs[{i}].mentor"),
                    Required(p.Score, $"pairs[{i}].score")))]);

        var result = OptimalAssignment.Solve(instance);
        // Rounding hides the last bits of floating-point addition, far below any score's precision.
        return new SolveOutput(
            result.Matched,
            Math.Round(result.Total, 12),
            [.. result.Assignments.Select(a => new PairEntry(a.Mentee, a.Mentor, a.Score))]);
    }

    protected override string Summary(SolveOutput output) => $"matched {output.Matched}, total {output.Total}";
}
