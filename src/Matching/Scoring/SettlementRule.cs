using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>A rural school learns best from a rural school, an urban one from an urban one.</summary>
internal sealed class SettlementRule(double weight) : IScoringRule
{
    public string Name => "settlement";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) => Same(mentee, mentor) ? 1 : 0;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Taxonomy taxonomy, Reader reader) =>
        !Same(mentee, mentor) ? null
        : reader == Reader.Coordinator
            ? (mentee.Profile.Settlement == SettlementKind.Rural ? "обе школы сельские" : "обе школы городские")
        : mentee.Profile.Settlement == SettlementKind.Rural ? "тоже сельская школа"
        : "тоже городская школа";

    private static bool Same(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.Profile.Settlement != SettlementKind.Unknown && mentee.Profile.Settlement == mentor.Profile.Settlement;
}
