using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Schools;

/// <summary>Registry files as coordinators make them: CSV from Excel (';', UTF-8) and XLSX with shared strings.</summary>
public static class SchoolFiles
{
    public const string Header = "Номер;Полное название;Населённый пункт;Тип населённого пункта;Размер;Статус;Широта;Долгота;Директор";

    public static string Row(string number, string settlement = "ст. Динская", string kind = "село", string size = "средняя",
        string status = "другое", string latitude = "45,2170", string longitude = "39,2290", string director = "") =>
        $"{number};МБОУ СОШ № {number} (образец);{settlement};{kind};{size};{status};{latitude};{longitude};{director}";

    /// <summary>A coordinator of one district sends the file to the bot and applies it.</summary>
    public static async Task ImportAsync(BotHarness bot, long coordinator, byte[] content, string fileName = "schools.csv")
    {
        await bot.SendTextAsync(coordinator, "/import_schools");
        var fileId = Guid.NewGuid().ToString("N");
        bot.Telegram.AddFile(fileId, content);
        await bot.HandleAsync(Updates.Document(coordinator, fileId, fileName, content.Length));
        await bot.PressAsync(coordinator, "Применить");
    }

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    /// <summary>The same table as <see cref="Csv"/> would be, as an XLSX sheet: text in shared strings, coordinates as numbers.</summary>
    public static byte[] Xlsx(params string[] rows) => XlsxWith(Header, rows);

    /// <summary>Any table as an XLSX sheet: <paramref name="header"/> and the rows are ';'-separated.</summary>
    public static byte[] XlsxWith(string header, params string[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var lines = new[] { header }.Concat(rows).ToList();
            for (var r = 0; r < lines.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                var cells = lines[r].Split(';');
                for (var c = 0; c < cells.Length; c++)
                {
                    if (cells[c].Length == 0)
                    {
                        continue;
                    }
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    var numeric = r > 0 && c is 6 or 7 && header == Header;
                    if (numeric)
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(cells[c].Replace(',', '.')) });
                    }
                    else
                    {
                        shared.SharedStringTable.Append(new SharedStringItem(new Text(cells[c])));
                        row.Append(new Cell
                        {
                            CellReference = reference,
                            DataType = CellValues.SharedString,
                            CellValue = new CellValue((shared.SharedStringTable.ChildElements.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        });
                    }
                }
                data.Append(row);
            }
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Школы" }));
        }
        return stream.ToArray();
    }
}
