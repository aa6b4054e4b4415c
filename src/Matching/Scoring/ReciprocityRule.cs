namespace MentorBot.Matching.Scoring;

/// <summary>The partnership is two-way: the share of the flagship's wishes that the young director can teach.</summary>
internal sealed class ReciprocityRule(double weight) : IScoringRule
{
    public string Name => "reciprocity";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        mentor.WantMask == 0 ? 0
        : DirectorFacts.Count(mentee.OfferMask & mentor.WantMask) / (double)DirectorFacts.Count(mentor.WantMask);

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy)
    {
        var wanted = mentor.Profile.WantsToLearn.ToHashSet(StringComparer.Ordinal);
        var given = taxonomy.InOrder(mentee.Profile.Offers.Where(wanted.Contains)).Select(taxonomy.Label).ToList();
        return given.Count == 0 ? null : $"в ответ вы можете помочь: {string.Join(", ", given)}";
    }
}
