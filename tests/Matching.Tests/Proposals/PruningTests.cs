using MentorBot.Matching.Profiles;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Proposals;

/// <summary>Shortlists keep the engine fast; these tests hold it to its word about what pruning may cost.</summary>
public sealed class PruningTests
{
    private static readonly string[] Codes = [.. Taxonomy.Default.Codes];

    public static IEnumerable<DirectorProfile> RandomDistrict(Random random, int young, int flagships)
    {
        string[] Pick(int min, int max) => [.. random.GetItems(Codes, max).Distinct().Take(random.Next(min, max + 1))];
        DirectorBuilder Place(DirectorBuilder d) => d
            .InDistrict(random.Next(2) == 0 ? "Динской район" : "Усть-Лабинский район")
            .At(45 + random.NextDouble(), 39 + random.NextDouble())
            .Sized((SchoolSize)random.Next(4));

        for (var i = 0; i < young; i++)
            yield return Place(DirectorBuilder.Young()).WithDeficits(Pick(1, 5)).Offering(Pick(0, 2));
        for (var i = 0; i < flagships; i++)
            yield return Place(DirectorBuilder.Flagship()).WithStrengths(Pick(2, 6)).WantingToLearn(Pick(0, 2)).WithCapacity(random.Next(1, 4), random.Next(2));
    }

    [Fact]
    public void When_it_claims_optimality_the_shortlists_lost_nothing()
    {
        var (claims, repaired) = (0, 0);
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var directors = RandomDistrict(random, random.Next(5, 40), random.Next(2, 12)).ToList();
            var pruned = new MatchingEngine(new MatchingOptions { CandidatesPerMentee = random.Next(1, 3) }).Propose(directors);
            var full = new MatchingEngine(new MatchingOptions { CandidatesPerMentee = 1000 }).Propose(directors);

            Assert.True(full.Pruning.ProvenOptimal);
            Assert.Equal(0, full.Pruning.ShortlistedMentees);
            if (!pruned.Pruning.ProvenOptimal)
                continue;
            claims++;
            repaired += pruned.Pruning.PairsAddedByPricing > 0 ? 1 : 0;
            Assert.True(full.Pairs.Count == pruned.Pairs.Count, $"seed {seed}: {pruned.Pairs.Count} matched, {full.Pairs.Count} possible");
            Assert.True(Math.Abs(full.TotalScore - pruned.TotalScore) <= 1e-9, $"seed {seed}: total {pruned.TotalScore}, optimum {full.TotalScore}");
        }

        Assert.True(claims >= 380, $"optimality proven in only {claims} of 400 runs");
        Assert.True(repaired > 0, "no run needed pricing, so the repair path went untested");
    }

    [Fact]
    public void Pricing_brings_back_a_pair_the_shortlist_dropped()
    {
        // y1's best flagship is also y2's only one; with a shortlist of one, y1 must get its second choice back.
        DirectorProfile y1 = DirectorBuilder.Young("y1").WithDeficits("legal", "team");
        DirectorProfile y2 = DirectorBuilder.Young("y2").WithDeficits("legal");
        DirectorProfile both = DirectorBuilder.Flagship("f1").WithStrengths("legal", "team");
        DirectorProfile half = DirectorBuilder.Flagship("f2").WithStrengths("team");

        var proposal = new MatchingEngine(new MatchingOptions { CandidatesPerMentee = 1 }).Propose([y1, y2, both, half]);

        Assert.Equal([("y1", "f2"), ("y2", "f1")], proposal.Pairs.Select(p => (p.MenteeId, p.MentorId)));
        Assert.True(proposal.Pruning.ProvenOptimal);
        Assert.Equal(1, proposal.Pruning.PairsAddedByPricing);
        Assert.Equal(2, proposal.Pruning.Rounds);
    }
}
