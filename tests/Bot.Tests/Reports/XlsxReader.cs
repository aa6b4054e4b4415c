using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace MentorBot.Bot.Tests.Reports;

/// <summary>Reads a produced .xlsx back with Open XML, as Excel would see it: sheets, cells, their types and styles.</summary>
public sealed class XlsxReader : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _document;

    public XlsxReader(byte[] bytes)
    {
        _stream = new MemoryStream(bytes, writable: false);
        _document = SpreadsheetDocument.Open(_stream, isEditable: false);
    }

    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    /// <summary>Every schema and semantic error Open XML finds; an .xlsx that Excel opens without repair has none.</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator().Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public Worksheet Worksheet(string name)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    public Cell? Cell(string sheet, string reference) =>
        Worksheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The text of a cell as Excel shows text (inline strings), or its raw value.</summary>
    public string? Text(string sheet, string reference) => Cell(sheet, reference) switch
    {
        null => null,
        { DataType.Value: var type, InlineString: { } inline } when type == CellValues.InlineString => inline.Text?.Text,
        var cell => cell.CellValue?.Text,
    };

    public IReadOnlyList<string?> Row(string sheet, uint row) =>
        Worksheet(sheet).Descendants<Row>().Single(r => r.RowIndex?.Value == row).Elements<Cell>().Select(c => Text(sheet, c.CellReference!)).ToList();

    public int RowCount(string sheet) => Worksheet(sheet).Descendants<Row>().Count();

    public CellFormat Format(Cell cell) =>
        _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
