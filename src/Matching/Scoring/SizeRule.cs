using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>Schools of one size band face the same staffing and budget questions.</summary>
internal sealed class SizeRule(double weight) : IScoringRule
{
    public string Name => "size";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) => Same(mentee, mentor) ? 1 : 0;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Taxonomy taxonomy) =>
        !Same(mentee, mentor) ? null
        : mentee.Profile.Size switch
        {
            SchoolSize.Small => "тоже небольшая школа",
            SchoolSize.Medium => "тоже школа среднего размера",
            _ => "тоже крупная школа",
        };

    private static bool Same(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.Profile.Size != SchoolSize.Unknown && mentee.Profile.Size == mentor.Profile.Size;
}
