using System.Text;

namespace MentorBot.Bot.Reports;

/// <summary>
/// A CSV file that Excel opens as it is: UTF-8 with a BOM, semicolons (the list separator of Russian Excel), and
/// fields quoted when they need it. Several tables go one after another, separated by an empty line.
/// </summary>
public sealed class CsvDocument
{
    private readonly StringBuilder _text = new();

    public CsvDocument Row(params object?[] fields)
    {
        _text.AppendJoin(';', fields.Select(Field)).Append("\r\n");
        return this;
    }

    public CsvDocument Blank()
    {
        _text.Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    private static string Field(object? value)
    {
        var text = Convert.ToString(value, System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) ?? "";
        // A leading =, +, - or @ would make Excel evaluate the cell as a formula.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
