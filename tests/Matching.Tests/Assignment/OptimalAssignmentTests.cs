using FsCheck;
using FsCheck.Fluent;
using MentorBot.Matching.Assignment;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Assignment;

public sealed class OptimalAssignmentTests
{
    private static readonly Config Properties = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void Matches_brute_force_on_thousands_of_small_random_instances()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var instance = Instances.Random(seed);
            var expected = BruteForce.Best(instance);

            var result = OptimalAssignment.Solve(instance);

            Assert.True(expected.Matched == result.Matched, $"seed {seed}: matched {result.Matched}, brute force {expected.Matched}");
            Assert.True(Math.Abs(expected.Total - result.Total) <= 1e-9, $"seed {seed}: total {result.Total:R}, brute force {expected.Total:R}");
        }
    }

    [Fact]
    public void Reports_matched_and_total_of_its_own_assignments()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var result = OptimalAssignment.Solve(Instances.Random(seed));

            Assert.Equal(result.Assignments.Count, result.Matched);
            Assert.Equal(result.Assignments.Sum(a => a.Score), result.Total, 12);
        }
    }

    [Fact]
    public void Never_exceeds_a_capacity_and_gives_each_mentee_at_most_one_mentor() =>
        Check.One(Properties, Prop.ForAll(Instances.Arbitrary, instance =>
        {
            var result = OptimalAssignment.Solve(instance);
            var capacity = instance.Mentors.ToDictionary(m => m.Id, m => m.Capacity);
            return result.Assignments.CountBy(a => a.Mentor).All(load => load.Value <= capacity[load.Key])
                && result.Assignments.Select(a => a.Mentee).Distinct().Count() == result.Assignments.Count;
        }));

    [Fact]
    public void Uses_only_listed_pairs_with_their_scores() =>
        Check.One(Properties, Prop.ForAll(Instances.Arbitrary, instance =>
            OptimalAssignment.Solve(instance).Assignments.All(instance.Pairs.Contains)));

    [Fact]
    public void Does_not_depend_on_input_order() =>
        Check.One(Properties, Prop.ForAll(Instances.Arbitrary.Zip(Arb.From(Gen.Choose(0, int.MaxValue))), input =>
        {
            var (instance, seed) = input;
            var random = new Random(seed);
            var shuffled = new AssignmentInstance(
                [.. instance.Mentees.OrderBy(_ => random.Next())],
                [.. instance.Mentors.OrderBy(_ => random.Next())],
                [.. instance.Pairs.OrderBy(_ => random.Next())]);

            var (expected, actual) = (OptimalAssignment.Solve(instance), OptimalAssignment.Solve(shuffled));
            return expected.Matched == actual.Matched
                && expected.Total.Equals(actual.Total)
                && expected.Assignments.SequenceEqual(actual.Assignments);
        }));

    [Fact]
    public void Adding_a_pair_never_lowers_the_optimum() =>
        Check.One(Properties, Prop.ForAll(Instances.Arbitrary, instance =>
        {
            var before = OptimalAssignment.Solve(instance);
            var missing = instance.Mentees
                .SelectMany(y => instance.Mentors.Select(f => (y, f.Id)))
                .Where(p => !instance.Pairs.Any(q => q.Mentee == p.y && q.Mentor == p.Id))
                .ToList();
            return missing.All(p =>
            {
                var after = OptimalAssignment.Solve(instance with { Pairs = [.. instance.Pairs, new ScoredPair(p.y, p.Id, 0.5)] });
                return after.Matched > before.Matched || (after.Matched == before.Matched && after.Total >= before.Total - 1e-9);
            });
        }));

    [Fact]
    public void Prefers_one_more_match_to_a_higher_total()
    {
        // y1 alone could take f1 for 1.0, but then y2 has nobody: two matches at 0.2 + 0.3 win.
        var result = OptimalAssignment.Solve(new AssignmentInstance(
            ["y1", "y2"],
            [new MentorSeats("f1", 1), new MentorSeats("f2", 1)],
            [new ScoredPair("y1", "f1", 1.0), new ScoredPair("y1", "f2", 0.2), new ScoredPair("y2", "f1", 0.3)]));

        Assert.Equal(2, result.Matched);
        Assert.Equal(0.5, result.Total, 12);
        Assert.Equal([new ScoredPair("y1", "f2", 0.2), new ScoredPair("y2", "f1", 0.3)], result.Assignments);
    }

    [Fact]
    public void Takes_a_place_from_a_weaker_pair_when_that_raises_the_total()
    {
        // Both want f1 (one place) and have no other pair: the stronger one gets it, whoever is listed first.
        var result = OptimalAssignment.Solve(new AssignmentInstance(
            ["y1", "y2"], [new MentorSeats("f1", 1)], [new ScoredPair("y1", "f1", 0.1), new ScoredPair("y2", "f1", 0.9)]));

        Assert.Equal([new ScoredPair("y2", "f1", 0.9)], result.Assignments);
    }

    [Fact]
    public void Solves_an_empty_instance()
    {
        var result = OptimalAssignment.Solve(new AssignmentInstance([], [], []));

        Assert.Equal(0, result.Matched);
        Assert.Equal(0, result.Total);
    }
}
