using System.Diagnostics.Metrics;
using MentorBot.Bot.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Operations;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<BotMetrics>().AddSingleton<PrometheusExporter>().BuildServiceProvider();

    private BotMetrics Metrics => _services.GetRequiredService<BotMetrics>();

    private PrometheusExporter Exporter => _services.GetRequiredService<PrometheusExporter>();

    [Fact]
    public void Histograms_are_cumulative_buckets_with_a_sum_and_a_count()
    {
        var exporter = Exporter;
        Metrics.UpdateHandled(TimeSpan.FromMilliseconds(3));
        Metrics.UpdateHandled(TimeSpan.FromMilliseconds(30));
        Metrics.UpdateHandled(TimeSpan.FromSeconds(20));

        var page = exporter.Render();

        Assert.Contains("mentorbot_update_duration_seconds_bucket{le=\"0.005\"} 1\n", page, StringComparison.Ordinal);
        Assert.Contains("mentorbot_update_duration_seconds_bucket{le=\"0.025\"} 1\n", page, StringComparison.Ordinal);
        Assert.Contains("mentorbot_update_duration_seconds_bucket{le=\"0.05\"} 2\n", page, StringComparison.Ordinal);
        Assert.Contains("mentorbot_update_duration_seconds_bucket{le=\"10\"} 2\n", page, StringComparison.Ordinal);
        Assert.Contains("mentorbot_update_duration_seconds_bucket{le=\"+Inf\"} 3\n", page, StringComparison.Ordinal);
        Assert.Equal(20.033, HealthServerTests.Sample(page, "mentorbot_update_duration_seconds_sum"), precision: 9);
        Assert.Equal(3, HealthServerTests.Sample(page, "mentorbot_update_duration_seconds_count"));
        Assert.Equal(3, HealthServerTests.Sample(page, "mentorbot_updates_handled_total"));
    }

    [Fact]
    public void Every_name_has_help_and_a_type_and_counters_end_in_total()
    {
        var page = Exporter.Render();

        Assert.Contains("# HELP mentorbot_updates_handled_total Updates the pipeline has finished with.\n", page, StringComparison.Ordinal);
        Assert.Contains("# TYPE mentorbot_updates_handled_total counter\n", page, StringComparison.Ordinal);
        Assert.Contains("# TYPE mentorbot_outbound_queue_depth gauge\n", page, StringComparison.Ordinal);
        Assert.All(page.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')),
            line => Assert.Matches(@"^[a-z_]+(\{[a-z_]+=""[^""]*""(,[a-z_]+=""[^""]*"")*\})? \S+$", line));
    }

    [Fact]
    public void Tags_become_escaped_labels_of_their_own_series()
    {
        var exporter = Exporter;
        var counter = Metrics.Meter.CreateCounter<long>("mentorbot.test.calls");
        counter.Add(2, new KeyValuePair<string, object?>("method", "send\"Message"));
        counter.Add(1, new KeyValuePair<string, object?>("method", "send\"Message"));

        var page = exporter.Render();

        Assert.Contains("mentorbot_test_calls_total{method=\"send\\\"Message\"} 3\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_its_own_meter_is_exported()
    {
        using var other = new Meter(BotMetrics.MeterName);
        var exporter = Exporter;
        other.CreateCounter<long>("mentorbot.updates.handled").Add(5);

        Assert.Equal(0, HealthServerTests.Sample(exporter.Render(), "mentorbot_updates_handled_total"));
    }

    public void Dispose() => _services.Dispose();
}
