using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace MentorBot.Bot.Localization;

/// <summary>
/// Text already safe to send with parse_mode HTML. Build it with <see cref="Html.Format"/>, whose holes are
/// escaped unless they are themselves <see cref="HtmlText"/>, so user text cannot inject markup.
/// </summary>
public readonly record struct HtmlText(string Value)
{
    public static HtmlText Empty { get; } = new("");

    public override string ToString() => Value;

    public static HtmlText operator +(HtmlText left, HtmlText right) => new(left.Value + right.Value);
}

public static class Html
{
    /// <summary>Escapes &amp;, &lt; and &gt;, the three characters Telegram's HTML mode requires escaped.</summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Marks trusted markup written by us (never user text) as HTML.</summary>
    public static HtmlText Raw(string markup) => new(markup);

    public static HtmlText Text(string? text) => new(Escape(text));

    public static HtmlText Bold(string? text) => new($"<b>{Escape(text)}</b>");

    public static HtmlText Italic(string? text) => new($"<i>{Escape(text)}</i>");

    public static HtmlText Link(string url, string? text) => new($"<a href=\"{WebUtility.HtmlEncode(url)}\">{Escape(text)}</a>");

    public static HtmlText Format(ref HtmlBuilder builder) => builder.ToHtml();

    public static HtmlText Join(string separator, IEnumerable<HtmlText> parts) => new(string.Join(Escape(separator), parts.Select(p => p.Value)));

    public static HtmlText Lines(IEnumerable<HtmlText> lines) => Join("\n", lines);

    /// <summary>Removes tags and decodes entities: the text a person reads, for the console chat and tests.</summary>
    public static string ToPlainText(string html)
    {
        var plain = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>' && inTag) inTag = false;
            else if (!inTag) plain.Append(c);
        }
        return WebUtility.HtmlDecode(plain.ToString());
    }
}

[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private StringBuilder _text;

    public HtmlBuilder(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    /// <summary>Literals are our own markup.</summary>
    public void AppendLiteral(string literal) => _text.Append(literal);

    public void AppendFormatted(HtmlText html) => _text.Append(html.Value);

    public void AppendFormatted(string? text) => _text.Append(Html.Escape(text));

    public void AppendFormatted<T>(T value) => _text.Append(Html.Escape(Convert.ToString(value, System.Globalization.CultureInfo.GetCultureInfo("ru-RU"))));

    public void AppendFormatted<T>(T value, string format) where T : IFormattable =>
        _text.Append(Html.Escape(value.ToString(format, System.Globalization.CultureInfo.GetCultureInfo("ru-RU"))));

    public readonly HtmlText ToHtml() => new(_text.ToString());
}
