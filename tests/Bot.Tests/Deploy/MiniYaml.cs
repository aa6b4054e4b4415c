namespace MentorBot.Bot.Tests.Deploy;

/// <summary>
/// Just enough YAML for a compose file (no YAML package is in our source): block mappings, block lists of scalars,
/// plain and quoted scalars, comments. A flow collection (<c>[a, b]</c>) stays one scalar. Anything else fails.
/// </summary>
public static class MiniYaml
{
    public static Dictionary<string, object> Parse(string text)
    {
        var lines = new List<(int Number, int Indent, string Text)>();
        foreach (var (raw, number) in text.Split('\n').Select((l, i) => (l.TrimEnd('\r'), i + 1)))
        {
            if (raw[..(raw.Length - raw.TrimStart().Length)].Contains('\t', StringComparison.Ordinal))
            {
                throw new FormatException($"Line {number}: tabs are not allowed for indentation.");
            }
            var line = StripComment(raw).TrimEnd();
            if (line.Trim().Length > 0)
            {
                lines.Add((number, line.Length - line.TrimStart().Length, line.Trim()));
            }
        }
        var index = 0;
        var document = Block(lines, ref index, 0);
        if (index < lines.Count)
        {
            throw new FormatException($"Line {lines[index].Number}: unexpected indentation.");
        }
        return document as Dictionary<string, object> ?? throw new FormatException("The document is not a mapping.");
    }

    public static Dictionary<string, object> Map(this Dictionary<string, object> map, string key) =>
        (Dictionary<string, object>)map[key];

    public static List<object> List(this Dictionary<string, object> map, string key) => (List<object>)map[key];

    private static object Block(List<(int Number, int Indent, string Text)> lines, ref int index, int indent)
    {
        if (lines[index].Text.StartsWith("- ", StringComparison.Ordinal))
        {
            var list = new List<object>();
            while (index < lines.Count && lines[index].Indent == indent && lines[index].Text.StartsWith("- ", StringComparison.Ordinal))
            {
                list.Add(Scalar(lines[index].Text[2..].Trim()));
                index++;
            }
            return list;
        }

        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !lines[index].Text.StartsWith("- ", StringComparison.Ordinal))
        {
            var (number, _, text) = lines[index];
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || (colon + 1 < text.Length && text[colon + 1] != ' '))
            {
                throw new FormatException($"Line {number}: expected 'key: value'.");
            }
            var key = Scalar(text[..colon]);
            var value = text[(colon + 1)..].Trim();
            if (!map.TryAdd(key, ""))
            {
                throw new FormatException($"Line {number}: the key '{key}' appears twice.");
            }
            index++;
            if (value.Length > 0)
            {
                map[key] = Scalar(value);
            }
            else if (index < lines.Count && (lines[index].Indent > indent
                || (lines[index].Indent == indent && lines[index].Text.StartsWith("- ", StringComparison.Ordinal))))
            {
                map[key] = Block(lines, ref index, lines[index].Indent);
            }
        }
        return map;
    }

    private static string Scalar(string text) =>
        text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0] ? text[1..^1] : text;

    /// <summary>A comment starts with # at the line's start or after a space, outside quotes.</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else if (quote is null && c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }
        return line;
    }
}
