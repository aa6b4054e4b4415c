using System.Diagnostics;
using MentorBot.Matching;
using MentorBot.Matching.Bench;

var directors = NationalInstance.Create();
var engine = new MatchingEngine(new MatchingOptions());
for (var i = 0; i < 3; i++)
{
    var sw = Stopwatch.StartNew();
    var r = engine.Propose(directors);
    Console.WriteLine($"{sw.Elapsed.TotalMilliseconds:F1} ms pairs {r.Pairs.Count} unmatched {r.Unmatched.Count} {r.Pruning} total {r.TotalScore}");
    Console.WriteLine(string.Join(", ", r.Unmatched.CountBy(u => u.Cause)));
}
Console.WriteLine(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576);
