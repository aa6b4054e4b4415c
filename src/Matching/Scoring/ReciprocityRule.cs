namespace MentorBot.Matching.Scoring;

/// <summary>The partnership is two-way: the share of the flagship's wishes that the young director can teach.</summary>
internal sealed class ReciprocityRule(double weight) : IScoringRule
{
    public string Name => "reciprocity";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        mentor.WantMask == 0 ? 0
        : DirectorFacts.Count(mentee.OfferMask & mentor.WantMask) / (double)DirectorFacts.Count(mentor.WantMask);

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy, Reader reader)
    {
        var wanted = mentor.Profile.WantsToLearn.ToHashSet(StringComparer.Ordinal);
        var given = taxonomy.InOrder(mentee.Profile.Offers.Where(wanted.Contains)).Select(taxonomy.Label).ToList();
        if (given.Count == 0)
            return null;
        var list = string.Join(", ", given);
        return reader switch
        {
            Reader.Mentee => $"в ответ вы можете помочь: {list}",
            Reader.Mentor => $"в ответ молодой директор может помочь вам: {list}",
            _ => $"в ответ молодой директор может помочь флагману: {list}",
        };
    }
}
