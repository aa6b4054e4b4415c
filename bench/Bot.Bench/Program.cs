using System.Diagnostics;
using MentorBot.Bot.Bench;

// Update handling through the real pipeline, dispatcher and SQLite, with the Bot API replaced by a no-op transport.
// Usage: dotnet run -c Release --project bench/Bot.Bench -- [updates] [chats] [runs] [concurrent chats]
//        dotnet run -c Release --project bench/Bot.Bench -- scale [people] [runs] [updates] [concurrent chats]   (docs/scaling.md)
//        dotnet run -c Release --project bench/Bot.Bench -- e2e burst|broadcast|presswave|idle [latency ms] [runs]   (the real process over HTTP)
//        dotnet run -c Release --project bench/Bot.Bench -- report [people] [runs] [--samples docs/samples]  (docs/benchmarks.md)
if (args.Length > 0 && args[0] == "scale")
{
    await ScaleBench.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "e2e")
{
    await EndToEndBench.RunAsync(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "report")
{
    await ReportBench.RunAsync(args[1..]);
    return;
}
var updates = args.Length > 0 ? int.Parse(args[0]) : 20_000;
var chats = args.Length > 1 ? int.Parse(args[1]) : 200;
var runs = args.Length > 2 ? int.Parse(args[2]) : 5;
var concurrency = args.Length > 3 ? int.Parse(args[3]) : 2;

Console.WriteLine($"{Environment.ProcessorCount} cores, {updates} updates over {chats} chats, {concurrency} chats at a time, {runs} runs");
var results = new List<UpdateLoadResult>();
for (var run = 1; run <= runs; run++)
{
    var result = await UpdateLoad.RunAsync(updates, chats, concurrency);
    results.Add(result);
    Console.WriteLine($"run {run}: {result.UpdatesPerSecond:F0} updates/s, median {result.Median.TotalMilliseconds:F2} ms, p99 {result.P99.TotalMilliseconds:F2} ms");
}
var median = results.OrderBy(r => r.UpdatesPerSecond).ElementAt(results.Count / 2);
Console.WriteLine($"median run: {median.UpdatesPerSecond:F0} updates/s, median {median.Median.TotalMilliseconds:F2} ms, p99 {median.P99.TotalMilliseconds:F2} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
