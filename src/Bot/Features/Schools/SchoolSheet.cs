using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.Schools;

/// <summary>A file that cannot be a registry at all; the message says why, in Russian, for the coordinator.</summary>
public sealed class SchoolFileException(HtmlText reason) : Exception(Html.ToPlainText(reason.Value))
{
    public HtmlText Reason { get; } = reason;
}

/// <summary>One row of the sheet as text cells, with its row number as the spreadsheet shows it (the header is 1).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The first row (headers) and the data rows of a CSV or XLSX file.</summary>
public sealed record SchoolSheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows)
{
    private static readonly byte[] ZipSignature = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    /// <summary>
    /// Reads the file by its content (the name only breaks a tie), refusing it as a whole when it is too large, has
    /// more than <paramref name="maxRows"/> data rows, or is not a CSV or XLSX table.
    /// </summary>
    public static SchoolSheet Read(byte[] content, string? fileName, SchoolsOptions limits)
    {
        if (content.LongLength > limits.MaxFileBytes)
        {
            throw new SchoolFileException(SchoolTexts.FileTooLarge(limits.MaxFileBytes));
        }
        if (content.Length == 0)
        {
            throw new SchoolFileException(SchoolTexts.FileEmpty);
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (content.AsSpan().StartsWith(OleSignature) || extension == ".xls")
        {
            throw new SchoolFileException(SchoolTexts.OldExcelFormat);
        }
        var sheet = content.AsSpan().StartsWith(ZipSignature)
            ? ReadXlsx(content, limits.MaxRows)
            : extension is "" or ".csv" or ".txt" || LooksLikeText(content)
                ? ReadCsv(content, limits.MaxRows)
                : throw new SchoolFileException(SchoolTexts.NotASpreadsheet);
        if (sheet.Headers.All(string.IsNullOrWhiteSpace))
        {
            throw new SchoolFileException(SchoolTexts.FileEmpty);
        }
        return sheet;
    }

    private static bool LooksLikeText(byte[] content) => Array.IndexOf(content, (byte)0, 0, Math.Min(content.Length, 8192)) < 0;

    private static SchoolSheet ReadXlsx(byte[] content, int maxRows)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new SchoolFileException(SchoolTexts.NotASpreadsheet);
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (firstSheet?.Id?.Value is not { } sheetId || workbook.GetPartById(sheetId) is not WorksheetPart worksheet)
            {
                throw new SchoolFileException(SchoolTexts.FileEmpty);
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
            return Collect(XlsxRecords(worksheet, shared), maxRows);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FormatException or IOException)
        {
            throw new SchoolFileException(SchoolTexts.NotASpreadsheet);
        }
    }

    /// <summary>The sheet's rows, read one at a time (a SAX reader: the sheet is never one DOM in memory).</summary>
    private static IEnumerable<(int Number, List<string> Cells)> XlsxRecords(WorksheetPart worksheet, string[] shared)
    {
        using var reader = OpenXmlReader.Create(worksheet);
        var position = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            position++;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column >= MaxColumns)
                {
                    continue; // far beyond any registry column: ignored rather than padded up to
                }
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(CellText(cell, shared));
            }
            yield return ((int)(row.RowIndex?.Value ?? (uint)position), cells);
        }
    }

    private const int MaxColumns = 100;

    /// <summary>The first record is the header; blank rows are skipped; more than <paramref name="maxRows"/> refuses the file.</summary>
    private static SchoolSheet Collect(IEnumerable<(int Number, List<string> Cells)> records, int maxRows)
    {
        List<string>? headers = null;
        var rows = new List<SheetRow>();
        foreach (var (number, cells) in records)
        {
            if (headers is null)
            {
                headers = cells;
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count == maxRows)
            {
                throw new SchoolFileException(SchoolTexts.TooManyRows(maxRows));
            }
            rows.Add(new SheetRow(number, cells));
        }
        return new SchoolSheet(headers ?? [], rows);
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value is { } type)
        {
            if (type == CellValues.SharedString)
            {
                return int.TryParse(value, out var index) && index >= 0 && index < shared.Length ? shared[index] : "";
            }
            if (type == CellValues.InlineString)
            {
                return cell.InlineString?.InnerText ?? "";
            }
            if (type == CellValues.Boolean)
            {
                return value == "1" ? "да" : "нет";
            }
        }
        return value;
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return Math.Max(0, index - 1);
    }

    private static SchoolSheet ReadCsv(byte[] content, int maxRows)
    {
        var text = Decode(content);
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var delimiter = Delimiter(firstLineEnd < 0 ? text : text[..firstLineEnd]);
        return Collect(CsvRecords(text, delimiter), maxRows);
    }

    /// <summary>UTF-8 (with or without a BOM), or else Windows-1251, in which Russian Excel saves CSV.</summary>
    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251).GetString(content);
        }
    }

    /// <summary>Russian Excel writes ';', others ','; a tab-separated export has tabs. The header line decides.</summary>
    private static char Delimiter(string headerLine) =>
        Delimiters.OrderByDescending(d => headerLine.Count(c => c == d)).First();

    private static readonly char[] Delimiters = [';', ',', '\t'];

    /// <summary>
    /// RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. Records are numbered as
    /// the rows Excel shows when it opens the file.
    /// </summary>
    private static IEnumerable<(int Number, List<string> Cells)> CsvRecords(string text, char delimiter)
    {
        var record = 1;
        var cells = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(field.ToString());
                field.Clear();
                yield return (record++, cells);
                cells = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            yield return (record, cells);
        }
    }
}
