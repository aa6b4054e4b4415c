namespace MentorBot.Matching.Scoring;

/// <summary>Spreads the load: the share of the flagship's places still free before this run.</summary>
internal sealed class LoadRule(double weight) : IScoringRule
{
    public string Name => "load";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        mentor.Profile.Capacity <= 0 ? 0 : mentor.FreePlaces / (double)mentor.Profile.Capacity;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy) =>
        mentor.Profile.Capacity <= 0 ? null
        : mentor.Profile.CurrentLoad <= 0 ? "пока без подопечных"
        : mentor.FreePlaces == 0 ? "свободных мест нет"
        : $"свободно {RussianNumerals.Agree(mentor.FreePlaces, "место", "места", "мест")} из {mentor.Profile.Capacity}";
}
