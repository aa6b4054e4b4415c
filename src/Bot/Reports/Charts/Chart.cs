namespace MentorBot.Bot.Reports.Charts;

/// <summary>One named series of a chart: a value per category (bars) or per point in time (lines).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// Bars side by side for each category, drawn horizontally so that long Russian labels stay readable on a phone.
/// Categories are listed top to bottom in the given order.
/// </summary>
public sealed record BarChart(string Title, string ValueAxis, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public bool IsEmpty => Categories.Count == 0 || Series.Count == 0;
}

/// <summary>Lines over dates, one per series; values missing at a date are <see cref="double.NaN"/> and break the line there.</summary>
public sealed record LineChart(string Title, string ValueAxis, IReadOnlyList<DateOnly> Dates, IReadOnlyList<ChartSeries> Series, double Min, double Max)
{
    public bool IsEmpty => Dates.Count == 0 || Series.Count == 0;
}
