using FsCheck;
using FsCheck.Fluent;
using MentorBot.Matching.Assignment;

namespace MentorBot.Matching.Tests.Builders;

/// <summary>Small random assignment instances: up to 7 mentees by 4 mentors, random capacities and sparsity.</summary>
public static class Instances
{
    /// <summary>A seeded instance, for loops over thousands of cases.</summary>
    public static AssignmentInstance Random(int seed)
    {
        var random = new Random(seed);
        var mentees = random.Next(0, 8);
        var mentors = random.Next(0, 5);
        var density = random.NextDouble();
        // A coarse grid of scores makes ties common, which is where tie-breaking bugs hide.
        var coarse = random.Next(2) == 0;
        var cells = Enumerable.Range(0, mentees * mentors)
            .Select(_ => random.NextDouble() < density ? (coarse ? random.Next(1, 6) / 5.0 : 1 - random.NextDouble()) : (double?)null)
            .ToArray();
        return Build(mentees, [.. Enumerable.Range(0, mentors).Select(_ => random.Next(1, 4))], cells);
    }

    /// <summary>The same shape of instances as an FsCheck generator.</summary>
    public static Gen<AssignmentInstance> Generator =>
        from mentees in Gen.Choose(0, 7)
        from mentors in Gen.Choose(0, 4)
        from capacities in Gen.ArrayOf(Gen.Choose(1, 3), mentors)
        from cells in Gen.ArrayOf(Cell, mentees * capacities.Length)
        select Build(mentees, capacities, cells);

    public static Arbitrary<AssignmentInstance> Arbitrary => Generator.ToArbitrary();

    private static Gen<double?> Cell => Gen.Frequency(
        (2, Gen.Constant<double?>(null)),
        (1, Gen.Choose(1, 5).Select(i => (double?)(i / 5.0))),
        (2, Gen.Choose(1, 1_000_000).Select(i => (double?)(i / 1_000_000.0))));

    private static AssignmentInstance Build(int mentees, int[] capacities, double?[] cells)
    {
        var pairs = new List<ScoredPair>();
        for (var m = 0; m < mentees; m++)
        {
            for (var f = 0; f < capacities.Length; f++)
            {
                if (cells[m * capacities.Length + f] is { } score)
                    pairs.Add(new ScoredPair($"y{m}", $"f{f}", score));
            }
        }
        return new AssignmentInstance(
            [.. Enumerable.Range(0, mentees).Select(m => $"y{m}")],
            [.. capacities.Select((c, f) => new MentorSeats($"f{f}", c))],
            pairs);
    }
}
