using MentorBot.Matching.Assignment;

namespace MentorBot.Matching.Bench;

/// <summary>The solver benchmark of issue 3: random pairs per mentee, random capacities and scores.</summary>
public static class SolverInstance
{
    public static AssignmentInstance Create(int mentees = 2000, int mentors = 400, int pairsPerMentee = 20, int seed = 42)
    {
        var random = new Random(seed);
        var mentorIds = Enumerable.Range(1, mentors).Select(i => $"f{i}").ToArray();
        var pairs = new List<ScoredPair>(mentees * pairsPerMentee);
        for (var m = 1; m <= mentees; m++)
        {
            foreach (var f in random.GetItems(Enumerable.Range(0, mentors).ToArray(), pairsPerMentee * 2).Distinct().Take(pairsPerMentee))
                pairs.Add(new ScoredPair($"y{m}", mentorIds[f], 1 - random.NextDouble()));
        }
        return new AssignmentInstance(
            [.. Enumerable.Range(1, mentees).Select(i => $"y{i}")],
            [.. mentorIds.Select(id => new MentorSeats(id, random.Next(1, 9)))],
            pairs);
    }
}
