namespace MentorBot.Matching.Scoring;

/// <summary>
/// The same district earns the full weight: district methodists already bring these directors together.
/// Across districts, closeness earns a share that falls linearly to nothing at <see cref="MatchingOptions.ProximityRangeKm"/>.
/// </summary>
internal sealed class ProximityRule(double weight, double rangeKm) : IScoringRule
{
    public string Name => "proximity";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.SameDistrict(mentor) ? 1
        : DistanceKm(mentee, mentor) is { } km ? Math.Max(0, 1 - km / rangeKm)
        : 0;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy, Reader reader) =>
        mentee.SameDistrict(mentor) ? "тот же район"
        : DistanceKm(mentee, mentor) is { } km && km < rangeKm ? $"другой район, в {Math.Max(1, Math.Round(km)):0} км"
        : null;

    private static double? DistanceKm(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.Profile.Location is { } from && mentor.Profile.Location is { } to ? from.DistanceKmTo(to) : null;
}
