using System.Diagnostics.Metrics;

namespace MentorBot.Bot.Operations;

/// <summary>
/// The bot's own instruments, on one meter that <see cref="PrometheusExporter"/> serves at /metrics. Names follow
/// OpenTelemetry's conventions; the exporter turns them into Prometheus names.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "MentorBot";

    /// <summary>Handling an update is a database transaction plus a handler: milliseconds, seconds when busy.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _updatesHandled;
    private readonly Histogram<double> _updateDuration;
    private readonly Counter<long> _tooManyRequests;
    private readonly Counter<long> _forbidden;
    private readonly Counter<long> _remindersSent;
    private long _outboundQueueDepth;
    private int _broadcastsInProgress;

    public BotMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _updatesHandled = Meter.CreateCounter<long>("mentorbot.updates.handled", "{update}", "Updates the pipeline has finished with.");
        _updateDuration = Meter.CreateHistogram(
            "mentorbot.update.duration", "s", "Time from receiving an update to committing its effects.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _tooManyRequests = Meter.CreateCounter<long>("mentorbot.telegram.too_many_requests", "{response}", "429 answers from the Bot API.");
        _forbidden = Meter.CreateCounter<long>("mentorbot.telegram.forbidden", "{response}", "403 answers: a person blocked the bot.");
        _remindersSent = Meter.CreateCounter<long>("mentorbot.reminders.sent", "{reminder}", "Reminders queued for sending.");
        Meter.CreateObservableGauge("mentorbot.outbound.queue_depth", () => Volatile.Read(ref _outboundQueueDepth), "{message}",
            "Outbox rows waiting to be sent.");
        Meter.CreateObservableGauge("mentorbot.broadcasts.in_progress", () => Volatile.Read(ref _broadcastsInProgress), "{broadcast}",
            "Broadcasts still being delivered.");
    }

    public Meter Meter { get; }

    /// <summary>Sampled from the outbox just before each scrape; counting rows on every send would cost more.</summary>
    public long OutboundQueueDepth
    {
        get => Volatile.Read(ref _outboundQueueDepth);
        set => Volatile.Write(ref _outboundQueueDepth, value);
    }

    /// <summary>Set by whatever delivers broadcasts, while it delivers them.</summary>
    public int BroadcastsInProgress
    {
        get => Volatile.Read(ref _broadcastsInProgress);
        set => Volatile.Write(ref _broadcastsInProgress, value);
    }

    public void UpdateHandled(TimeSpan duration)
    {
        _updatesHandled.Add(1);
        _updateDuration.Record(duration.TotalSeconds);
    }

    public void TooManyRequests() => _tooManyRequests.Add(1);

    public void Forbidden() => _forbidden.Add(1);

    public void RemindersSent(int count) => _remindersSent.Add(count);
}
