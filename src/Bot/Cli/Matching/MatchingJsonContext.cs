using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MentorBot.Matching;
using MentorBot.Matching.Profiles;
using MentorBot.Matching.Proposals;

namespace MentorBot.Bot.Cli.Matching;

/// <summary>The file formats of <c>solve</c> and <c>match</c>; docs/matching.md describes them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    Converters =
    [
        typeof(CamelCaseEnum<DirectorRole>),
        typeof(CamelCaseEnum<SettlementKind>),
        typeof(CamelCaseEnum<SchoolSize>),
        typeof(CamelCaseEnum<SchoolStatus>),
        typeof(CamelCaseEnum<UnmatchedCause>),
    ])]
[JsonSerializable(typeof(SolveInput))]
[JsonSerializable(typeof(SolveOutput))]
[JsonSerializable(typeof(MatchInput))]
[JsonSerializable(typeof(ProposalOutput))]
internal sealed partial class MatchingJsonContext : JsonSerializerContext
{
    /// <summary>Writes Cyrillic as it is, so reasons stay readable in the file.</summary>
    public static MatchingJsonContext Readable => s_readable ??=
        new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    private static MatchingJsonContext? s_readable;
}

internal sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;

internal sealed record SolveInput(List<MenteeEntry?>? Mentees, List<MentorEntry?>? Mentors, List<PairEntry?>? Pairs);

internal sealed record MenteeEntry(string? Id);

internal sealed record MentorEntry(string? Id, int? Capacity);

internal sealed record PairEntry(string? Mentee, string? Mentor, double? Score);

internal sealed record SolveOutput(int Matched, double Total, List<PairEntry> Assignments);

/// <summary>The input of <c>match</c>: profiles, and optionally constraints, option overrides and label overrides.</summary>
internal sealed record MatchInput(
    List<DirectorProfile?>? Directors,
    ConstraintsEntry? Constraints,
    MatchingOptions? Options,
    Dictionary<string, string>? Labels);

internal sealed record ConstraintsEntry(
    List<PairRef?>? Declined,
    List<PairRef?>? Excluded,
    List<PairRef?>? Pinned,
    bool AllowCrossRegion);

internal sealed record PairRef(string? Mentee, string? Mentor);

internal sealed record ProposalOutput(
    int Matched,
    double Total,
    bool ProvenOptimal,
    List<ProposedPairEntry> Assignments,
    List<UnmatchedEntry> Unmatched,
    PruningReport Pruning);

internal sealed record ProposedPairEntry(string Mentee, string Mentor, double Score, bool Pinned, string Reason);

internal sealed record UnmatchedEntry(string Mentee, UnmatchedCause Cause, string Reason);
