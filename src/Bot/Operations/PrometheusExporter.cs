using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace MentorBot.Bot.Operations;

/// <summary>
/// Listens to the <see cref="BotMetrics"/> meter and renders it in the Prometheus text format (0.0.4): one meter needs
/// little (sums, last values and histograms), and the series keep the names that docs/operations.md and alerts use.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly List<Series> _series = [];
    private readonly Lock _gate = new();

    public PrometheusExporter(BotMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: the tests run several bots in one process, each with its own.
            if (!ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                return;
            }
            var series = Series.For(instrument);
            lock (_gate)
            {
                _series.Add(series);
            }
            listener.EnableMeasurementEvents(instrument, series);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((Series)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>The metrics page: observable instruments are read now, the others as they were last recorded.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var series in _series)
            {
                series.WriteTo(text);
            }
        }
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>One instrument: its Prometheus name and type, and a value (or histogram) per set of labels.</summary>
    private abstract class Series(string name, string help, string type)
    {
        protected Lock Gate { get; } = new();

        protected string Name { get; } = name;

        public static Series For(Instrument instrument)
        {
            var kind = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
            var name = PrometheusName(instrument);
            var help = instrument.Description ?? "";
            if (kind == typeof(Histogram<>))
            {
                var buckets = (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries
                    ?? (instrument as Histogram<long>)?.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList()
                    ?? (IReadOnlyList<double>)DefaultBuckets;
                return new HistogramSeries(name, help, buckets);
            }
            var isCounter = kind == typeof(Counter<>) || kind == typeof(ObservableCounter<>);
            // Observable instruments report their current total or level; the others report increments.
            var replaces = instrument.IsObservable || kind == typeof(Gauge<>);
            return new ValueSeries(isCounter ? name + "_total" : name, help, isCounter ? "counter" : "gauge", replaces);
        }

        public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

        public void WriteTo(StringBuilder text)
        {
            text.Append("# HELP ").Append(Name).Append(' ').Append(help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal)).Append('\n');
            text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
            lock (Gate)
            {
                WriteSamples(text);
            }
        }

        protected abstract void WriteSamples(StringBuilder text);

        /// <summary>Labels as <c>a="x",b="y"</c>, sorted, so that the same tags always land in the same series.</summary>
        protected static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.IsEmpty)
            {
                return "";
            }
            var pairs = new List<string>(tags.Length);
            foreach (var tag in tags)
            {
                var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
                pairs.Add($"{Sanitize(tag.Key)}=\"{value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal)}\"");
            }
            pairs.Sort(StringComparer.Ordinal);
            return string.Join(',', pairs);
        }

        protected static string Braced(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";

        /// <summary>mentorbot.update.duration in seconds becomes mentorbot_update_duration_seconds.</summary>
        private static string PrometheusName(Instrument instrument)
        {
            var name = Sanitize(instrument.Name);
            return instrument.Unit == "s" ? name + "_seconds" : name;
        }

        private static string Sanitize(string name) => string.Create(name.Length, name, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) ? source[i] : '_';
            }
        });
    }

    private sealed class ValueSeries(string name, string help, string type, bool replaces) : Series(name, help, type)
    {
        // Every instrument shows 0 before its first measurement, so a scrape always finds each name.
        private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal) { [""] = 0 };

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = Labels(tags);
            lock (Gate)
            {
                _values[labels] = replaces ? value : _values.GetValueOrDefault(labels) + value;
            }
        }

        protected override void WriteSamples(StringBuilder text)
        {
            foreach (var (labels, value) in _values)
            {
                text.Append(Name).Append(Braced(labels)).Append(' ').Append(Number(value)).Append('\n');
            }
        }
    }

    private sealed class HistogramSeries(string name, string help, IReadOnlyList<double> bounds) : Series(name, help, "histogram")
    {
        private readonly Dictionary<string, Distribution> _distributions = new(StringComparer.Ordinal) { [""] = new Distribution(bounds.Count) };

        public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = Labels(tags);
            lock (Gate)
            {
                if (!_distributions.TryGetValue(labels, out var distribution))
                {
                    distribution = _distributions[labels] = new Distribution(bounds.Count);
                }
                var bucket = 0;
                while (bucket < bounds.Count && value > bounds[bucket])
                {
                    bucket++;
                }
                distribution.Counts[bucket]++;
                distribution.Sum += value;
            }
        }

        protected override void WriteSamples(StringBuilder text)
        {
            foreach (var (labels, distribution) in _distributions)
            {
                var prefix = labels.Length == 0 ? "" : labels + ",";
                long cumulative = 0;
                for (var i = 0; i <= bounds.Count; i++)
                {
                    cumulative += distribution.Counts[i];
                    var bound = i < bounds.Count ? Number(bounds[i]) : "+Inf";
                    text.Append(Name).Append("_bucket{").Append(prefix).Append("le=\"").Append(bound).Append("\"} ").Append(cumulative).Append('\n');
                }
                text.Append(Name).Append("_sum").Append(Braced(labels)).Append(' ').Append(Number(distribution.Sum)).Append('\n');
                text.Append(Name).Append("_count").Append(Braced(labels)).Append(' ').Append(cumulative).Append('\n');
            }
        }

        /// <summary>Counts per bucket (the last one past every bound) and the sum of the values.</summary>
        private sealed class Distribution(int bounds)
        {
            public long[] Counts { get; } = new long[bounds + 1];
            public double Sum { get; set; }
        }
    }
}
