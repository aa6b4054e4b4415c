using System.Diagnostics;

namespace MentorBot.Matching.Bench;

/// <summary>
/// A quick measurement without BenchmarkDotNet's long runs: a warm-up run, then the median wall time of several runs,
/// the bytes allocated per run, and the process's peak working set (input included).
/// </summary>
public static class BenchCommand
{
    public static void Measure<T>(string name, Func<T> prepare, Func<T, string> run, int runs)
    {
        var input = prepare();
        Console.WriteLine($"{name}: warm-up: {run(input)}");
        var times = new List<double>();
        var allocated = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            run(input);
            times.Add(clock.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        times.Sort();
        allocated.Sort();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(
            $"{name}: {runs} runs, median {Median(times):F1} ms (min {times[0]:F1}, max {times[^1]:F1}), "
            + $"allocated {Median(allocated.ConvertAll(a => (double)a)) / (1 << 20):F0} MiB per run, "
            + $"peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB");
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
