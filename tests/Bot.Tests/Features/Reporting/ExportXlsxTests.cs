using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Bot.Tests.Features.Coordination;
using MentorBot.Bot.Tests.Reports;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Reporting;

public sealed class ExportXlsxTests
{
    private const long Coordinator = 990;

    [Fact]
    public async Task Export_sends_an_xlsx_with_typed_cells_and_a_csv_button()
    {
        await using var bot = await DistrictMatchingTests.SeedDinskoyAsync();
        await bot.PressDataAsync(109, "req:new:1");
        await bot.PressAsync(1, "Принять");
        // Still in need of legal help, with the only flagship who offers it now full: a gap.
        await DirectorBuilder.Young(160).AtSchool("СОШ № 60").Named("Лебедева Лидия Леонидовна").WithDeficits("legal").SaveAsync(bot);

        await bot.SendTextAsync(Coordinator, "/export");

        var document = Assert.Single(bot.Telegram.Documents, d => d.ChatId == Coordinator);
        Assert.EndsWith(".xlsx", document.FileName, StringComparison.Ordinal);
        using var file = new XlsxReader(document.Content);
        Assert.Empty(file.ValidationErrors());
        Assert.Equal(["Пары", "Покрытие дефицитов"], file.SheetNames);
        Assert.Equal(["1", "Динской район", "СОШ № 1", "Андреева Анна Андреевна", "СОШ № 9", "Егорова Елена Евгеньевна"], file.Row("Пары", 2).Take(6));
        Assert.Equal(CellValues.Number, file.Cell("Пары", "A2")!.DataType!.Value);
        Assert.Equal(new DateTime(2027, 11, 23), DateTime.FromOADate(double.Parse(file.Text("Пары", "H2")!, CultureInfo.InvariantCulture)));
        Assert.Contains(Enumerable.Range(2, file.RowCount("Покрытие дефицитов") - 1).Select(r => file.Row("Покрытие дефицитов", (uint)r)),
            r => r[0] == "Правовые вопросы и локальные акты" && r[1] == "1" && r[2] == "0" && r[3] == "0" && r[4] == "да");
        Assert.Contains(bot.Telegram.ButtonsOf(Coordinator, bot.Telegram.In(Coordinator).Last().MessageId), b => b.Text == "Скачать в CSV");
    }

    [Fact]
    public async Task A_name_that_looks_like_a_formula_stays_text_in_the_export()
    {
        await using var bot = await DistrictMatchingTests.SeedDinskoyAsync();
        await DirectorBuilder.Young(150).AtSchool("=HYPERLINK(\"http://evil\")").Named("Ложкина Лада Львовна").WithDeficits("legal").SaveAsync(bot);
        await bot.PressDataAsync(150, "req:new:1");
        await bot.PressAsync(1, "Принять");

        await bot.SendTextAsync(Coordinator, "/export");

        using var file = new XlsxReader(Assert.Single(bot.Telegram.Documents, d => d.ChatId == Coordinator).Content);
        var school = file.Cell("Пары", "E2")!;
        Assert.Equal(CellValues.InlineString, school.DataType!.Value);
        Assert.True(file.Format(school).QuotePrefix!.Value);
        Assert.Empty(file.Worksheet("Пары").Descendants<CellFormula>());
    }
}
