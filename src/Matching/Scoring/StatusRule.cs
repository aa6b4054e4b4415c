using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>
/// The same low-results status: a flagship who leads (or led) a ШНОР or ШФНСУ school knows that road.
/// Two ordinary schools also count as similar, but that is not worth a word.
/// </summary>
internal sealed class StatusRule(double weight) : IScoringRule
{
    public string Name => "status";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.Profile.Status == mentor.Profile.Status ? 1 : 0;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Taxonomy taxonomy, Reader reader) =>
        mentee.Profile.Status != mentor.Profile.Status ? null
        : mentee.Profile.Status switch
        {
            SchoolStatus.LowResults => "тот же статус: ШНОР",
            SchoolStatus.UnfavourableConditions => "тот же статус: ШФНСУ",
            _ => null,
        };
}
