using BenchmarkDotNet.Attributes;
using MentorBot.Matching.Assignment;
using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Bench;

/// <summary>The two figures of issue 3 under BenchmarkDotNet: <c>-- --filter *</c>.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private AssignmentInstance _instance = null!;
    private List<DirectorProfile> _directors = null!;
    private MatchingEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instance = SolverInstance.Create();
        _directors = NationalInstance.Create();
        _engine = new MatchingEngine(new MatchingOptions());
    }

    [Benchmark]
    public AssignmentResult Solver() => OptimalAssignment.Solve(_instance);

    [Benchmark]
    public object National() => _engine.Propose(_directors);
}
