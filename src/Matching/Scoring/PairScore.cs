namespace MentorBot.Matching.Scoring;

/// <summary>A pair's score in (0, 1] with what each rule added and said.</summary>
public sealed record PairScore(double Score, IReadOnlyList<RuleContribution> Contributions)
{
    /// <summary>The reason fragments joined in rule order, such as «закрывает 2 из 3 ваших дефицитов: …; тот же район».</summary>
    public string Reason => string.Join("; ", Contributions.Select(c => c.Reason).OfType<string>());

    public RuleContribution this[string rule] => Contributions.Single(c => c.Rule == rule);
}

/// <summary>What one rule added to a score (its weight times the share earned, over the sum of weights) and its reason.</summary>
public sealed record RuleContribution(string Rule, double Value, string? Reason);
