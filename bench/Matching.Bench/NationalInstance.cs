using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Bench;

/// <summary>
/// A country of invented directors: 85 regions of 10 districts, 40,000 young directors and 8,000 flagships,
/// the 16-code taxonomy, 1–5 deficits, 3–6 strengths, capacities 1–5 with some places already taken.
/// </summary>
public static class NationalInstance
{
    private const int Regions = 85;
    private const int DistrictsPerRegion = 10;

    public static List<DirectorProfile> Create(int young = 40_000, int flagships = 8_000, int seed = 7)
    {
        var random = new Random(seed);
        var codes = Taxonomy.Default.Codes.ToArray();
        var centres = Enumerable.Range(0, Regions * DistrictsPerRegion)
            .Select(_ => new GeoPoint(43 + random.NextDouble() * 25, 20 + random.NextDouble() * 140))
            .ToArray();

        DirectorProfile Director(string id, DirectorRole role)
        {
            var district = random.Next(centres.Length);
            var centre = centres[district];
            return new DirectorProfile
            {
                Id = id,
                Role = role,
                Region = $"Регион {district / DistrictsPerRegion + 1}",
                District = $"Район {district + 1}",
                Location = new GeoPoint(centre.Latitude + (random.NextDouble() - 0.5) * 0.6, centre.Longitude + (random.NextDouble() - 0.5) * 0.9),
                Settlement = random.Next(3) == 0 ? SettlementKind.Urban : SettlementKind.Rural,
                Size = (SchoolSize)random.Next(1, 4),
                Status = random.Next(10) switch { 0 => SchoolStatus.LowResults, 1 => SchoolStatus.UnfavourableConditions, _ => SchoolStatus.None },
            };
        }

        string[] Codes(int min, int max) => random.GetItems(codes, max * 2).Distinct().Take(random.Next(min, max + 1)).ToArray();

        var directors = new List<DirectorProfile>(young + flagships);
        for (var i = 1; i <= young; i++)
            directors.Add(Director($"y{i}", DirectorRole.Young) with { Deficits = Codes(1, 5), Offers = Codes(0, 3) });
        for (var i = 1; i <= flagships; i++)
        {
            var capacity = random.Next(1, 6);
            directors.Add(Director($"f{i}", DirectorRole.Flagship) with
            {
                Strengths = Codes(3, 6),
                WantsToLearn = Codes(0, 3),
                Capacity = capacity,
                CurrentLoad = random.Next(capacity + 1) / 2,
            });
        }
        return directors;
    }
}
