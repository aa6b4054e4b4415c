using MentorBot.Bot.Reports.Charts;
namespace MentorBot.Bot.Tests.Reports;
public sealed class ScratchTests
{
    [Fact]
    public void Scratch()
    {
        File.WriteAllBytes("/tmp/bars.png", ChartRenderer.Png(new BarChart("Покрытие дефицитов: Динской район", "Молодых директоров",
            ["Управление качеством образования, мониторинг и ВСОКО", "Кадры: дефицит учителей", "Правовые вопросы и локальные акты", "Цифровая среда"],
            [new ChartSeries("Нуждаются", [4, 2, 1, 7]), new ChartSeries("Обеспечены свободными местами", [3, 2, 0, 5])])));
        File.WriteAllBytes("/tmp/lines.png", ChartRenderer.Png(new LineChart("Дефициты по итогам ежемесячных встреч", "Оценка (1–5)",
            [new DateOnly(2026, 1, 10), new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10)],
            [new ChartSeries("Кадры", [2, 3, 4]), new ChartSeries("Правовые вопросы", [1, double.NaN, 3])], 1, 5)));
    }
}
