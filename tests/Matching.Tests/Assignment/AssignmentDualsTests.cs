using MentorBot.Matching.Assignment;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Assignment;

/// <summary>The duals that prove pruning harmless must be a true LP certificate, whichever side the solver starts from.</summary>
public sealed class AssignmentDualsTests
{
    [Fact]
    public void Cover_every_pair_exactly_on_chosen_ones_and_vanish_where_complementary_slackness_demands()
    {
        var orientations = new HashSet<bool>();
        for (var seed = 0; seed < 2000; seed++)
        {
            var instance = Instances.Random(seed);
            var mentees = instance.Mentees.Count;
            var capacity = instance.Mentors.Select(m => m.Capacity).ToArray();
            CandidateEdge[] edges = [.. instance.Pairs
                .Select(p => new CandidateEdge(int.Parse(p.Mentee[1..]), int.Parse(p.Mentor[1..]), p.Score))
                .OrderBy(e => e.Mentee).ThenBy(e => e.Mentor)];
            orientations.Add(mentees <= capacity.Sum());

            var graph = AssignmentGraph.SolveWithDuals(mentees, capacity, edges);

            foreach (var edge in edges)
            {
                var slack = graph.Slack(edge.Mentee, graph.MentorDual(edge.Mentor), edge.Score);
                Assert.True(slack >= 0, $"seed {seed}: pair {edge} uncovered by {slack}");
                Assert.True(graph.MentorOf[edge.Mentee] != edge.Mentor || slack == 0, $"seed {seed}: chosen pair {edge} has slack {slack}");
            }
            for (var m = 0; m < mentees; m++)
                Assert.True(graph.MenteeDual(m) >= 0 && (graph.MentorOf[m] >= 0 || graph.MenteeDual(m) == 0), $"seed {seed}: mentee {m}");
            for (var f = 0; f < capacity.Length; f++)
            {
                var load = graph.MentorOf.Count(x => x == f);
                Assert.True(graph.MentorDual(f) >= 0 && (load == capacity[f] || graph.MentorDual(f) == 0), $"seed {seed}: mentor {f}");
            }
        }

        Assert.Equal(2, orientations.Count);
    }
}
