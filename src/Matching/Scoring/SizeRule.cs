using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>Schools of one size band face the same staffing and budget questions.</summary>
internal sealed class SizeRule(double weight) : IScoringRule
{
    public string Name => "size";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) => Same(mentee, mentor) ? 1 : 0;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Taxonomy taxonomy, Reader reader) =>
        !Same(mentee, mentor) ? null
        : reader == Reader.Coordinator ? mentee.Profile.Size switch
        {
            SchoolSize.Small => "обе школы небольшие",
            SchoolSize.Medium => "обе школы среднего размера",
            _ => "обе школы крупные",
        }
        : mentee.Profile.Size switch
        {
            SchoolSize.Small => "тоже небольшая школа",
            SchoolSize.Medium => "тоже школа среднего размера",
            _ => "тоже крупная школа",
        };

    private static bool Same(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.Profile.Size != SchoolSize.Unknown && mentee.Profile.Size == mentor.Profile.Size;
}
