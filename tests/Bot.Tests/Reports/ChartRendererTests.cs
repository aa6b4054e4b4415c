using MentorBot.Bot.Reports.Charts;
using SkiaSharp;

namespace MentorBot.Bot.Tests.Reports;

public sealed class ChartRendererTests
{
    private static readonly BarChart Bars = new("Покрытие дефицитов", "Молодых директоров",
        ["Качество образования", "Кадры", "Правовые вопросы"],
        [new ChartSeries("Нуждаются", [4, 2, 1]), new ChartSeries("Обеспечены", [3, 2, 0])]);

    private static readonly LineChart Lines = new("Дефициты по итогам встреч", "Оценка (1–5)",
        [new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10)],
        [new ChartSeries("Кадры", [2, 3, 4]), new ChartSeries("Правовые вопросы", [1, double.NaN, 3])], 1, 5);

    [Fact]
    public void A_bar_chart_is_a_phone_wide_PNG_that_grows_with_its_categories_and_is_not_blank()
    {
        using var image = Decode(ChartRenderer.Png(Bars));

        Assert.Equal(1080, image.Width);
        Assert.Equal(ChartRenderer.HeightOf(Bars), image.Height);
        Assert.True(ChartRenderer.HeightOf(Bars with { Categories = [.. Bars.Categories, "Финансы"] }) > image.Height);
        AssertNotBlank(image);
    }

    [Fact]
    public void A_line_chart_is_a_phone_wide_PNG_that_is_not_blank()
    {
        using var image = Decode(ChartRenderer.Png(Lines));

        Assert.Equal(1080, image.Width);
        Assert.Equal(ChartRenderer.HeightOf(Lines), image.Height);
        AssertNotBlank(image);
    }

    [Fact]
    public void Charts_draw_Cyrillic_with_the_shipped_font_not_a_system_one()
    {
        // The family name exists on no system: only the shipped file answers to it.
        using var typeface = ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: false, italic: false);

        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(File.Exists(Path.Combine(ChartFont.Directory, "LICENSE-DejaVu.txt")));
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs("Покрытие дефицитов ёЁ");
        Assert.DoesNotContain((ushort)0, glyphs);
    }

    [Fact]
    public void Cyrillic_titles_are_drawn_as_glyphs_not_as_empty_boxes()
    {
        // A missing glyph is drawn as the same box whatever the letter, so two different Cyrillic titles would come out identical.
        var first = ChartRenderer.Png(Bars with { Title = "Жёлтый" });
        var second = ChartRenderer.Png(Bars with { Title = "Щавель" });

        Assert.NotEqual(first, second);
    }

    private static SKBitmap Decode(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("the PNG does not decode");
    }

    /// <summary>More than one colour, and a fair share of pixels that are not the background.</summary>
    private static void AssertNotBlank(SKBitmap image)
    {
        var background = image.GetPixel(0, 0);
        var inked = 0;
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < image.Height; y += 3)
        {
            for (var x = 0; x < image.Width; x += 3)
            {
                var pixel = image.GetPixel(x, y);
                colours.Add(pixel);
                inked += pixel == background ? 0 : 1;
            }
        }
        Assert.True(colours.Count > 10, $"{colours.Count} colours");
        Assert.True(inked > image.Width * image.Height / 9 / 50, $"{inked} inked samples");
    }
}
