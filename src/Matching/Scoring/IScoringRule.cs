namespace MentorBot.Matching.Scoring;

/// <summary>One thing that makes a flagship a good mentor for a young director, with the words to say so.</summary>
internal interface IScoringRule
{
    /// <summary>A stable name, used in contributions and tests.</summary>
    string Name { get; }

    /// <summary>The rule's relative weight, from <see cref="MatchingOptions"/>.</summary>
    double Weight { get; }

    /// <summary>How much of its weight the pair earns, from 0 to 1. Called for every candidate pair: keep it cheap.</summary>
    double Share(DirectorFacts mentee, DirectorFacts mentor);

    /// <summary>The reason fragment in Russian, phrased for <paramref name="reader"/>, or null when there is nothing to say.</summary>
    string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy, Reader reader);
}
