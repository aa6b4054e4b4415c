namespace MentorBot.Matching.Scoring;

/// <summary>Spreads the load: the share of the flagship's places still free before this run.</summary>
internal sealed class LoadRule(double weight) : IScoringRule
{
    public string Name => "load";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        mentor.Profile.Capacity <= 0 ? 0 : mentor.FreePlaces / (double)mentor.Profile.Capacity;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy, Reader reader) =>
        mentor.Profile.Capacity <= 0 ? null
        : (reader switch { Reader.Mentor => "у вас ", Reader.Coordinator => "у флагмана ", _ => "" }) + (
            mentor.Profile.CurrentLoad <= 0 ? (reader == Reader.Mentee ? "пока без подопечных" : "пока нет подопечных")
            : mentor.FreePlaces == 0 ? "нет свободных мест"
            : $"свободно {RussianNumerals.Agree(mentor.FreePlaces, "место", "места", "мест")} из {mentor.Profile.Capacity}");
}
