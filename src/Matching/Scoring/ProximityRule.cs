namespace MentorBot.Matching.Scoring;

/// <summary>
/// With coordinates of both schools, the real (haversine) distance decides, whatever the districts: up to
/// <see cref="MatchingOptions.ProximityCloseKm"/> (the partnership seed's 10 km) earns the full weight, and the share
/// falls linearly to nothing at <see cref="MatchingOptions.ProximityRangeKm"/>. Without them, the same district earns the
/// full weight (district methodists already bring these directors together) and another district nothing.
/// </summary>
internal sealed class ProximityRule(double weight, double closeKm, double rangeKm) : IScoringRule
{
    public string Name => "proximity";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor) =>
        DistanceKm(mentee, mentor) is { } km ? DistanceShare(km)
        : mentee.SameDistrict(mentor) ? 1
        : 0;

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy, Reader reader) =>
        DistanceKm(mentee, mentor) is { } km
            ? km >= rangeKm ? null : $"{(mentee.SameDistrict(mentor) ? "тот же район" : "другой район")}, в {Math.Max(1, Math.Round(km)):0} км"
            : mentee.SameDistrict(mentor) ? "тот же район" : null;

    private double DistanceShare(double km) =>
        km <= closeKm ? 1 : Math.Max(0, 1 - (km - closeKm) / (rangeKm - closeKm));

    private static double? DistanceKm(DirectorFacts mentee, DirectorFacts mentor) =>
        mentee.Profile.Location is { } from && mentor.Profile.Location is { } to ? from.DistanceKmTo(to) : null;
}
