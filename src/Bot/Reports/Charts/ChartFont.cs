namespace MentorBot.Bot.Reports.Charts;

/// <summary>
/// The font charts are drawn with: DejaVu Sans, shipped next to the binary under fonts/ (license in
/// fonts/LICENSE-DejaVu.txt) and registered with ScottPlot under a family name no system has. So a chart never depends
/// on the fonts of the machine: a container without any still draws Cyrillic, and a missing file fails loudly.
/// </summary>
public static class ChartFont
{
    public const string Family = "MentorBot Sans";

    private static readonly Lazy<string> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the font files once per process and returns the family name to draw with.</summary>
    public static string Name => Registered.Value;

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fonts");

    private static string Register()
    {
        var regular = Path.Combine(Directory, "DejaVuSans.ttf");
        var bold = Path.Combine(Directory, "DejaVuSans-Bold.ttf");
        foreach (var file in new[] { regular, bold })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"The chart font {file} is missing; it is copied next to the binary at build.", file);
            }
        }
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        return Family;
    }
}
