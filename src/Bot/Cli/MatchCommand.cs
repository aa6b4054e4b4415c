using System.Text.Json.Serialization.Metadata;
using MentorBot.Bot.Cli.Matching;
using MentorBot.Matching;
using MentorBot.Matching.Profiles;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Cli;

/// <summary>
/// <c>match --input directors.json [--output proposal.json]</c>: the whole matching engine on director profiles —
/// the proposal with each pair's score and reasons, and each young director left unmatched with the reason why.
/// </summary>
internal sealed class MatchCommand : JsonFileCommand<MatchInput, ProposalOutput>
{
    public override string Name => "match";
    protected override string Usage => "match --input directors.json [--output proposal.json]";
    protected override JsonTypeInfo<MatchInput> InputType => MatchingJsonContext.Readable.MatchInput;
    protected override JsonTypeInfo<ProposalOutput> OutputType => MatchingJsonContext.Readable.ProposalOutput;

    protected override ProposalOutput Compute(MatchInput input, IConfiguration configuration)
    {
        var directors = Required(input.Directors, "directors").Select((d, i) => WithEmptyLists(Required(d, $"directors[{i}]")));
        var labels = input.Labels is { } overrides ? Taxonomy.Default.With(overrides) : Taxonomy.Default;
        var engine = new MatchingEngine(input.Options ?? ConfiguredOptions(configuration), labels);
        var proposal = engine.Propose(directors, Constraints(input.Constraints));

        return new ProposalOutput(
            proposal.Pairs.Count,
            Math.Round(proposal.TotalScore, 4),
            proposal.Pruning.ProvenOptimal,
            [.. proposal.Pairs.Select(p => new ProposedPairEntry(p.MenteeId, p.MentorId, Math.Round(p.Score, 4), p.Pinned, p.Reason))],
            [.. proposal.Unmatched.Select(u => new UnmatchedEntry(u.MenteeId, u.Cause, u.Reason))],
            proposal.Pruning);
    }

    protected override string Summary(ProposalOutput output) =>
        $"matched {output.Matched} of {output.Matched + output.Unmatched.Count} young directors"
        + (output.ProvenOptimal ? "" : " (pruning may have cost optimality)");

    /// <summary>The bot's own "Matching" settings, so the command weighs pairs as the bot does.</summary>
    private static MatchingOptions ConfiguredOptions(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(MatchingOptions.SectionName).Get<MatchingOptions>() ?? new MatchingOptions();
        }
        catch (InvalidOperationException error)
        {
            throw new MatchingInputException($"configuration section {MatchingOptions.SectionName}: {error.Message}");
        }
    }

    // The generated deserializer sets init-only properties left out of the file to null, not to their initial value.
    private static DirectorProfile WithEmptyLists(DirectorProfile d) => d with
    {
        Deficits = d.Deficits ?? [],
        Strengths = d.Strengths ?? [],
        Offers = d.Offers ?? [],
        WantsToLearn = d.WantsToLearn ?? [],
    };

    private static MatchingConstraints Constraints(ConstraintsEntry? entry) => entry is null
        ? MatchingConstraints.None
        : new MatchingConstraints
        {
            Declined = Pairs(entry.Declined, "constraints.declined"),
            Excluded = Pairs(entry.Excluded, "constraints.excluded"),
            Pinned = Pairs(entry.Pinned, "constraints.pinned"),
            AllowCrossRegion = entry.AllowCrossRegion,
        };

    private static DirectorPair[] Pairs(List<PairRef?>? pairs, string path) =>
        [.. (pairs ?? []).Select((p, i) => new DirectorPair(
            Required(Required(p, $"{path}[{i}]").Mentee, $"{path}[{i}].mentee"),
            Required(p!.Mentor, $"{path}[{i}].mentor")))];
}
