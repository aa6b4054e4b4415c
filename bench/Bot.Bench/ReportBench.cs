using System.Diagnostics;
using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reports.Charts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Bench;

/// <summary>
/// The size and render time of the coverage chart and of the monthly report for a whole region (all its districts, as
/// its regional coordinator gets it), on the seeded scale database; optionally writes the sample files of docs/samples.
/// Usage: report [people] [runs] [--samples directory]
/// </summary>
public static class ReportBench
{
    public static async Task RunAsync(string[] args)
    {
        var samples = args.SkipWhile(a => a != "--samples").Skip(1).FirstOrDefault();
        var numbers = args.TakeWhile(a => a != "--samples").ToArray();
        var people = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 3_000;
        var runs = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 5;
        var world = new BenchWorld(people);
        var seeded = await ScaleBench.SeededAsync(world);
        var path = Path.Combine(Path.GetTempPath(), $"mentorbot-report-run-{Guid.NewGuid():N}.db");
        File.Copy(seeded, path);
        try
        {
            using var host = BenchHost.Build(path, world, 2, new WarningCounter());
            var region = world.Districts.Where(d => d.Region == world.Districts[0].Region).Select(d => d.Code).ToList();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var month = ReportMonth.Of(now, TimeZoneInfo.FindSystemTimeZoneById(world.Districts[0].TimeZone)).Previous;
            Console.WriteLine($"{Environment.ProcessorCount} cores; {people} people; the report of {month.Key} for {region.Count} districts of one region; {runs} runs");

            var chartTimes = new List<double>();
            var reportTimes = new List<double>();
            MonthlyReportFiles? files = null;
            for (var run = 0; run <= runs; run++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var coverage = await services.GetRequiredService<CoordinationReport>().CoverageAsync(region, default);
                var watch = Stopwatch.StartNew();
                var chart = ChartRenderer.Png(ReportCharts.Coverage(coverage, services.GetRequiredService<Taxonomy>()));
                var chartMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                files = await services.GetRequiredService<DbSession>().InTransactionAsync(
                    () => services.GetRequiredService<MonthlyReport>().BuildAsync(region, month, default), default);
                var reportMs = watch.Elapsed.TotalMilliseconds;
                // Run 0 warms up: JIT, the font, the page cache.
                if (run > 0)
                {
                    chartTimes.Add(chartMs);
                    reportTimes.Add(reportMs);
                    Console.WriteLine($"run {run}: chart {chartMs:F0} ms ({chart.Length / 1024.0:F0} KiB), report {reportMs:F0} ms "
                        + $"({files.Workbook.Length / 1024.0:F0} KiB xlsx + {files.CoverageChart?.Length / 1024.0:F0} KiB chart)");
                }
            }
            Console.WriteLine($"median: chart {Median(chartTimes):F0} ms, whole report (data, xlsx, chart) {Median(reportTimes):F0} ms; "
                + $"sizes: xlsx {files!.Workbook.Length / 1024.0:F0} KiB, chart {files.CoverageChart?.Length / 1024.0:F0} KiB; "
                + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");

            if (samples is not null)
            {
                Directory.CreateDirectory(samples);
                await File.WriteAllBytesAsync(Path.Combine(samples, "coverage-chart.png"), files.CoverageChart ?? []);
                await File.WriteAllBytesAsync(Path.Combine(samples, "monthly-report.xlsx"), files.Workbook);
                Console.WriteLine($"samples written to {Path.GetFullPath(samples)}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
