using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MentorBot.Bot.Reports;

/// <summary>
/// An .xlsx file of plain tables, one sheet each, written with the Open XML SDK: a bold frozen header row, an autofilter,
/// column widths from the content, numbers as numbers and dates as dates. Values are typed by their .NET type:
/// int/long/double/decimal become numbers, <see cref="DateOnly"/> a date, <see cref="DateTime"/> a date and time (the
/// caller converts to the reader's local time first), everything else text. Text is never a formula: it is written as
/// an inline string, and text that starts like a formula also gets Excel's quote prefix, so that editing the cell or
/// saving the sheet as CSV does not turn it into one.
/// </summary>
public sealed class XlsxWorkbook
{
    private const int MaxSheetNameLength = 31;
    private const double MinWidth = 6, MaxWidth = 60;

    // Cell format indexes in the stylesheet below.
    private const uint HeaderStyle = 1, DateStyle = 2, DateTimeStyle = 3, QuotedTextStyle = 4;
    private const uint DateTimeFormatId = 164;

    private readonly List<(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)> _sheets = [];

    /// <summary>Adds a sheet; its name is shortened to Excel's 31 characters and stripped of the characters Excel forbids.</summary>
    public XlsxWorkbook Sheet(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim();
        clean = clean.Length > MaxSheetNameLength ? clean[..MaxSheetNameLength] : clean;
        if (clean.Length == 0 || _sheets.Any(s => s.Name.Equals(clean, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"Sheet name '{name}' is empty or not unique.", nameof(name));
        }
        _sheets.Add((clean, headers, rows.ToList()));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            for (var i = 0; i < _sheets.Count; i++)
            {
                var (name, headers, rows) = _sheets[i];
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(headers, rows, out var range);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = (uint)(i + 1), Name = name });
                // Excel keeps the autofilter's range under this hidden name; files without it open fine but Excel adds it.
                definedNames.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
                });
            }
            if (_sheets.Count > 0)
            {
                workbookPart.Workbook.Append(definedNames);
            }
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows, out string range)
    {
        var columnCount = Math.Max(headers.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        columnCount = Math.Max(columnCount, 1);
        var widths = new double[columnCount];
        var data = new SheetData();

        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < columnCount; c++)
        {
            var text = c < headers.Count ? headers[c] : "";
            header.Append(TextCell(Reference(c, 1), text, HeaderStyle));
            widths[c] = Math.Max(widths[c], text.Length * 1.1 + 2);
        }
        data.Append(header);

        for (var r = 0; r < rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is not { } value)
                {
                    continue;
                }
                var (cell, shownLength) = ValueCell(Reference(c, rowIndex), value);
                row.Append(cell);
                widths[c] = Math.Max(widths[c], shownLength + 2);
            }
            data.Append(row);
        }

        range = $"A1:{ColumnName(columnCount - 1)}{rows.Count + 1}";
        var columns = new Columns(widths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(w, MinWidth, MaxWidth), CustomWidth = true,
        }));
        var frozenHeader = new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
        });
        // The schema fixes the order of a worksheet's children: views, columns, data, then the autofilter.
        return new Worksheet(frozenHeader, columns, data, new AutoFilter { Reference = range });
    }

    private static (Cell Cell, double ShownLength) ValueCell(string reference, object value) => value switch
    {
        int or long or short or byte or uint => (NumberCell(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture)), Shown(value)),
        double or float or decimal => (NumberCell(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture)), Shown(value)),
        DateOnly date => (DateCell(reference, date.ToDateTime(TimeOnly.MinValue), DateStyle), 10),
        DateTime dateTime => (DateCell(reference, dateTime, DateTimeStyle), 16),
        bool flag => (TextCell(reference, flag ? "да" : "нет"), 3),
        _ => TextWithLength(reference, Convert.ToString(value, CultureInfo.GetCultureInfo("ru-RU")) ?? ""),
    };

    private static (Cell, double) TextWithLength(string reference, string text)
    {
        var longestLine = text.Split('\n').Max(line => line.Length);
        return (TextCell(reference, text, LooksLikeFormula(text) ? QuotedTextStyle : null), longestLine);
    }

    /// <summary>A leading =, +, - or @ makes Excel read typed-in text (or a CSV field) as a formula.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static double Shown(object number) => Convert.ToString(number, CultureInfo.GetCultureInfo("ru-RU"))?.Length ?? 1;

    private static Cell TextCell(string reference, string text, uint? style = null)
    {
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
        if (style is { } index)
        {
            cell.StyleIndex = index;
        }
        return cell;
    }

    private static Cell NumberCell(string reference, double value) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static Cell DateCell(string reference, DateTime value, uint style) =>
        new()
        {
            CellReference = reference, StyleIndex = style,
            CellValue = new CellValue(value.ToOADate().ToString("R", CultureInfo.InvariantCulture)),
        };

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Absolute(string range)
    {
        var parts = range.Split(':');
        return string.Join(':', parts.Select(p =>
        {
            var letters = new string(p.TakeWhile(char.IsLetter).ToArray());
            return $"${letters}${p[letters.Length..]}";
        }));
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "dd.mm.yyyy hh:mm" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        {
            Count = 3,
        },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            // 14 is Excel's built-in short date, shown in the reader's locale (dd.mm.yyyy in Russian Excel).
            new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true })
        {
            Count = 5,
        },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
