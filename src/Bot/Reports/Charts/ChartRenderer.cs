using System.Globalization;
using ScottPlot;

namespace MentorBot.Bot.Reports.Charts;

/// <summary>
/// Draws charts as PNG for Telegram: 1,080 px wide (a phone screen at full width), large type, the title on top and the
/// legend under the plot. Telegram shrinks a photo to fit, so sizes are chosen for the phone, not for a monitor.
/// </summary>
public static class ChartRenderer
{
    public const int Width = 1080;
    private const int TitleSize = 34, LabelSize = 26, TickSize = 24, LegendSize = 26;
    private const int BarRowHeight = 110, BarChartChrome = 330, LineChartHeight = 900;
    private const int MaxLabelLength = 26, MaxTitleLine = 26;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#2ca02c"), Color.FromHex("#ff7f0e"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    public static int HeightOf(BarChart chart) => BarChartChrome + BarRowHeight * Math.Max(chart.Categories.Count, 1);

    public static int HeightOf(LineChart chart) => LineChartHeight + 40 * Math.Max(chart.Series.Count - 4, 0);

    public static byte[] Png(BarChart chart)
    {
        var plot = NewPlot(chart.Title);
        var groups = chart.Series.Count;
        var slot = 0.8 / Math.Max(groups, 1);
        // The first category goes on top, as it is read.
        var positions = Enumerable.Range(0, chart.Categories.Count).Select(i => (double)(chart.Categories.Count - 1 - i)).ToArray();
        for (var s = 0; s < groups; s++)
        {
            var series = chart.Series[s];
            var bars = positions.Select((p, i) => new Bar
            {
                Position = p + 0.4 - slot * (s + 0.5),
                Value = series.Values[i],
                Size = slot * 0.9,
                FillColor = Palette[s % Palette.Length],
                Label = series.Values[i].ToString("0.##", CultureInfo.GetCultureInfo("ru-RU")),
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.ValueLabelStyle.FontName = ChartFont.Name;
            plottable.ValueLabelStyle.FontSize = TickSize;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Name, FillColor = Palette[s % Palette.Length] });
        }
        plot.Axes.Left.SetTicks(positions, chart.Categories.Select(Shorten).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = chart.ValueAxis;
        var max = chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(0, Math.Max(1, max) * 1.15, -0.6, Math.Max(chart.Categories.Count, 1) - 0.4);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return Render(plot, HeightOf(chart));
    }

    public static byte[] Png(LineChart chart)
    {
        var plot = NewPlot(chart.Title);
        var xs = chart.Dates.Select(d => d.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            // A deficit not rated at one check-in still joins its neighbours: the trend is what the chart shows.
            var rated = Enumerable.Range(0, xs.Length).Where(i => i < series.Values.Count && !double.IsNaN(series.Values[i])).ToArray();
            var line = plot.Add.Scatter(rated.Select(i => xs[i]).ToArray(), rated.Select(i => series.Values[i]).ToArray(), Palette[s % Palette.Length]);
            line.LineWidth = 4;
            line.MarkerSize = 14;
            line.LegendText = Shorten(series.Name);
        }
        plot.Axes.Bottom.SetTicks(xs, chart.Dates.Select(d => d.ToString("dd.MM.yy", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.Label.Text = chart.ValueAxis;
        var ticks = Enumerable.Range((int)chart.Min, (int)(chart.Max - chart.Min) + 1).Select(v => (double)v).ToArray();
        plot.Axes.Left.SetTicks(ticks, ticks.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
        var span = xs.Length > 1 ? xs[^1] - xs[0] : 30;
        plot.Axes.SetLimits(xs.DefaultIfEmpty(0).Min() - span * 0.05 - 1, xs.DefaultIfEmpty(0).Max() + span * 0.05 + 1, chart.Min - 0.3, chart.Max + 0.3);
        return Render(plot, HeightOf(chart));
    }

    private static Plot NewPlot(string title)
    {
        var font = ChartFont.Name;
        var plot = new Plot();
        plot.Font.Set(font);
        plot.Title(Wrap(title), TitleSize);
        plot.Axes.Title.Label.FontName = font;
        plot.Axes.Title.Label.Bold = true;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.Label.FontSize = LabelSize;
            axis.Label.FontName = font;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.FontName = font;
        }
        plot.Legend.FontName = font;
        plot.Legend.FontSize = LegendSize;
        // ScottPlot would otherwise pick a system font able to show the legend's text.
        plot.Legend.SetBestFontOnEachRender = false;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static byte[] Render(Plot plot, int height) => plot.GetImageBytes(Width, height, ImageFormat.Png);

    /// <summary>A long title is broken into lines at spaces; it is centred over the plot, which may be narrower than the picture.</summary>
    private static string Wrap(string title)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > MaxTitleLine)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }
        lines.Add(current);
        return string.Join('\n', lines);
    }

    private static string Shorten(string label) => label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)].TrimEnd() + "…";
}
