namespace MentorBot.Matching;

/// <summary>
/// The weights of the scoring rules and the size of candidate lists; bound from the "Matching" configuration section.
/// Weights are relative: a pair's score is the weighted share it earns, so only their proportions matter.
/// The defaults follow the order of importance in DOMAIN.md.
/// </summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    /// <summary>Coverage of the young director's deficits by the flagship's strengths, most pressing first.</summary>
    public double CoverageWeight { get; set; } = 0.50;

    /// <summary>Closeness when both schools have coordinates, or else the same district.</summary>
    public double ProximityWeight { get; set; } = 0.20;

    /// <summary>Both schools rural, or both urban.</summary>
    public double SettlementWeight { get; set; } = 0.07;

    /// <summary>Both schools of the same size band.</summary>
    public double SizeWeight { get; set; } = 0.05;

    /// <summary>The same low-results status (none, ШНОР or ШФНСУ).</summary>
    public double StatusWeight { get; set; } = 0.05;

    /// <summary>What the young director offers covers what the flagship wants to learn.</summary>
    public double ReciprocityWeight { get; set; } = 0.08;

    /// <summary>Prefer flagships with more free places, to spread the load.</summary>
    public double LoadWeight { get; set; } = 0.05;

    /// <summary>Schools this close count as neighbours and earn the full proximity weight (the partnership seed's 10 km).</summary>
    public double ProximityCloseKm { get; set; } = 10;

    /// <summary>At this distance between two schools with coordinates, proximity earns nothing.</summary>
    public double ProximityRangeKm { get; set; } = 100;

    /// <summary>How many best-scoring flagships each young director keeps as candidates, and how many suggestions are shown.</summary>
    public int CandidatesPerMentee { get; set; } = 10;

    /// <summary>Throws when a value cannot work, naming the property.</summary>
    public void Validate()
    {
        double[] weights = [ProximityWeight, SettlementWeight, SizeWeight, StatusWeight, ReciprocityWeight, LoadWeight];
        if (!(CoverageWeight > 0) || !double.IsFinite(CoverageWeight))
            throw new MatchingInputException($"options.{nameof(CoverageWeight)}: must be a positive number");
        if (weights.Any(w => !(w >= 0) || !double.IsFinite(w)))
            throw new MatchingInputException("options: every weight must be a finite number, zero or more");
        if (!(ProximityRangeKm > 0) || !double.IsFinite(ProximityRangeKm))
            throw new MatchingInputException($"options.{nameof(ProximityRangeKm)}: must be a positive number");
        if (!(ProximityCloseKm >= 0) || !(ProximityCloseKm < ProximityRangeKm))
            throw new MatchingInputException($"options.{nameof(ProximityCloseKm)}: must be zero or more and less than {nameof(ProximityRangeKm)}");
        if (CandidatesPerMentee < 1)
            throw new MatchingInputException($"options.{nameof(CandidatesPerMentee)}: must be at least 1");
    }
}
