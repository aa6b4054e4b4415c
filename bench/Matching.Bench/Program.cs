using BenchmarkDotNet.Running;
using MentorBot.Matching;
using MentorBot.Matching.Assignment;
using MentorBot.Matching.Bench;

// dotnet run -c Release --project bench/Matching.Bench -- solver|national|national-open [runs]
// Anything else goes to BenchmarkDotNet, e.g. -- --filter '*'.
var runs = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 0;
switch (args.FirstOrDefault())
{
    case "solver":
        BenchCommand.Measure(
            "solver (2,000 mentees, 400 mentors, 40,000 pairs)",
            () => SolverInstance.Create(),
            instance =>
            {
                var result = OptimalAssignment.Solve(instance);
                return $"matched {result.Matched}, total {result.Total:F6}";
            },
            runs > 0 ? runs : 21);
        break;
    case "national" or "national-open":
        var engine = new MatchingEngine(new MatchingOptions());
        var constraints = new MatchingConstraints { AllowCrossRegion = args[0] == "national-open" };
        BenchCommand.Measure(
            $"{args[0]} (40,000 young, 8,000 flagships{(constraints.AllowCrossRegion ? ", across regions" : "")})",
            () => NationalInstance.Create(),
            directors =>
            {
                var proposal = engine.Propose(directors, constraints);
                return $"matched {proposal.Pairs.Count}, unmatched {proposal.Unmatched.Count}, total {proposal.TotalScore:F4}, {proposal.Pruning}";
            },
            runs > 0 ? runs : 7);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);
        break;
}
