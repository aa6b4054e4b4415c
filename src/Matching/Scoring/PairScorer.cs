using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>Scores a young director and a flagship with the rules of DOMAIN.md, weighted by <see cref="MatchingOptions"/>.</summary>
public sealed class PairScorer
{
    /// <summary>The floor that keeps an explained pair's score positive, e.g. a pinned pair that earns nothing.</summary>
    public const double MinimumScore = 0.001;

    private readonly IScoringRule[] _rules;
    private readonly double _totalWeight;

    public PairScorer(MatchingOptions options, Taxonomy? taxonomy = null)
    {
        options.Validate();
        Taxonomy = taxonomy ?? Taxonomy.Default;
        _rules =
        [
            new CoverageRule(options.CoverageWeight),
            new ProximityRule(options.ProximityWeight, options.ProximityCloseKm, options.ProximityRangeKm),
            new SettlementRule(options.SettlementWeight),
            new SizeRule(options.SizeWeight),
            new StatusRule(options.StatusWeight),
            new ReciprocityRule(options.ReciprocityWeight),
            new LoadRule(options.LoadWeight),
        ];
        _totalWeight = _rules.Sum(r => r.Weight);
    }

    public Taxonomy Taxonomy { get; }

    /// <summary>Scores one pair and explains it, e.g. for a coordinator's own choice; hard constraints are not checked here.</summary>
    public PairScore Explain(DirectorProfile mentee, DirectorProfile mentor, Reader reader = Reader.Mentee)
    {
        var codes = new RunVocabulary();
        return Explain(new DirectorFacts(mentee, codes), new DirectorFacts(mentor, codes), reader);
    }

    internal double Value(DirectorFacts mentee, DirectorFacts mentor)
    {
        var earned = 0.0;
        foreach (var rule in _rules)
            earned += rule.Weight * rule.Share(mentee, mentor);
        return Math.Max(MinimumScore, earned / _totalWeight);
    }

    internal PairScore Explain(DirectorFacts mentee, DirectorFacts mentor, Reader reader = Reader.Mentee) =>
        new(Value(mentee, mentor),
            [.. _rules.Select(r => new RuleContribution(
                r.Name, r.Weight * r.Share(mentee, mentor) / _totalWeight, r.Reason(mentee, mentor, Taxonomy, reader)))]);
}
