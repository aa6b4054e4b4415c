using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Bot.Reports;

namespace MentorBot.Bot.Tests.Reports;

public sealed class XlsxWorkbookTests
{
    private static byte[] Sample() => new XlsxWorkbook()
        .Sheet("Пары", ["№", "ФИО", "Начало", "Ответил(а)", "Доля"],
        [
            [1, "Иванова Анна Сергеевна", new DateOnly(2026, 3, 2), new DateTime(2026, 3, 5, 14, 30, 0), 0.75],
            [2, "=HYPERLINK(\"http://x\")", new DateOnly(2026, 4, 1), null, 12.5m],
        ])
        .Sheet("Пусто", ["Дефицит", "Нуждаются"], [])
        .ToBytes();

    [Fact]
    public void The_file_passes_the_Open_XML_validator_without_errors()
    {
        using var file = new XlsxReader(Sample());

        Assert.Empty(file.ValidationErrors());
        Assert.Equal(["Пары", "Пусто"], file.SheetNames);
    }

    [Fact]
    public void Numbers_are_numbers_and_dates_are_dates_with_a_date_format()
    {
        using var file = new XlsxReader(Sample());

        var number = file.Cell("Пары", "A2")!;
        Assert.Equal(CellValues.Number, number.DataType!.Value);
        Assert.Equal("1", number.CellValue!.Text);
        Assert.Equal(0.75, double.Parse(file.Text("Пары", "E2")!, CultureInfo.InvariantCulture));
        Assert.Equal(12.5, double.Parse(file.Text("Пары", "E3")!, CultureInfo.InvariantCulture));

        var date = file.Cell("Пары", "C2")!;
        Assert.Null(date.DataType);
        Assert.Equal(new DateTime(2026, 3, 2), DateTime.FromOADate(double.Parse(date.CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(14u, file.Format(date).NumberFormatId!.Value);

        var dateTime = file.Cell("Пары", "D2")!;
        Assert.Equal(new DateTime(2026, 3, 5, 14, 30, 0), DateTime.FromOADate(double.Parse(dateTime.CellValue!.Text, CultureInfo.InvariantCulture)));
        Assert.Equal(164u, file.Format(dateTime).NumberFormatId!.Value);
        Assert.Null(file.Cell("Пары", "D3"));
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text_with_a_quote_prefix()
    {
        using var file = new XlsxReader(Sample());

        var cell = file.Cell("Пары", "B3")!;
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", file.Text("Пары", "B3"));
        Assert.True(file.Format(cell).QuotePrefix!.Value);
        Assert.Null(file.Format(file.Cell("Пары", "B2")!).QuotePrefix);
        Assert.DoesNotContain(file.Worksheet("Пары").Descendants<CellFormula>(), _ => true);
    }

    [Fact]
    public void The_header_is_bold_frozen_and_filtered_and_columns_fit_their_text()
    {
        using var file = new XlsxReader(Sample());
        var sheet = file.Worksheet("Пары");

        Assert.Equal(["№", "ФИО", "Начало", "Ответил(а)", "Доля"], file.Row("Пары", 1));
        Assert.True(file.Format(file.Cell("Пары", "B1")!).ApplyFont!.Value);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:E3", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(5, widths.Count);
        Assert.True(widths[1] >= "Иванова Анна Сергеевна".Length, $"ФИО is {widths[1]} wide");
        Assert.True(widths[0] < widths[1]);
        Assert.Equal("A1:B1", file.Worksheet("Пусто").Elements<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public void Sheet_names_are_cut_to_Excels_limit_and_must_be_unique()
    {
        var book = new XlsxWorkbook().Sheet("Молодые директора без наставника: причины", ["a"], []);
        using var file = new XlsxReader(book.ToBytes());

        Assert.Equal(31, Assert.Single(file.SheetNames).Length);
        Assert.Throws<ArgumentException>(() => new XlsxWorkbook().Sheet("Пары", ["a"], []).Sheet("пары", ["a"], []));
    }
}
