using System.Text;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// Splits HTML longer than Telegram's limit into parts that are each valid HTML: cuts fall on a line break or a space
/// where possible, never inside a tag or an entity, and tags open at a cut are closed and reopened.
/// </summary>
public static class HtmlMessageSplitter
{
    public static IReadOnlyList<string> Split(string html, int maxLength)
    {
        if (html.Length <= maxLength)
        {
            return [html];
        }
        var parts = new List<string>();
        var openTags = new List<(string Name, string OpenTag)>();
        var position = 0;
        while (position < html.Length)
        {
            var prefix = string.Concat(openTags.Select(t => t.OpenTag));
            // Room for the closing tags that may have to be appended to this part.
            var budget = maxLength - prefix.Length - ClosingLength(openTags) - 32;
            if (budget < 64)
            {
                budget = 64;
            }
            var end = Math.Min(html.Length, position + budget);
            if (end < html.Length)
            {
                end = ChooseCut(html, position, end);
            }
            var chunk = html[position..end];
            var tagsAtStart = new List<(string, string)>(openTags);
            TrackTags(chunk, openTags);
            var part = new StringBuilder(string.Concat(tagsAtStart.Select(t => t.Item2))).Append(chunk);
            for (var i = openTags.Count - 1; i >= 0; i--)
            {
                part.Append("</").Append(openTags[i].Name).Append('>');
            }
            var text = part.ToString().Trim();
            if (text.Length > 0)
            {
                parts.Add(text);
            }
            position = end;
        }
        return parts;
    }

    private static int ClosingLength(List<(string Name, string OpenTag)> tags) => tags.Sum(t => t.Name.Length + 3);

    private static int ChooseCut(string html, int start, int end)
    {
        var minimum = start + (end - start) / 2;
        var cut = LastSafe(html, '\n', minimum, end);
        if (cut < 0)
        {
            cut = LastSafe(html, ' ', minimum, end);
        }
        if (cut < 0)
        {
            cut = end;
        }
        // Never cut inside a tag or an entity.
        var tagStart = html.LastIndexOf('<', cut - 1, cut - start);
        if (tagStart >= 0 && html.IndexOf('>', tagStart) >= cut)
        {
            cut = tagStart;
        }
        var entityStart = html.LastIndexOf('&', cut - 1, Math.Min(10, cut - start));
        if (entityStart >= 0)
        {
            var entityEnd = html.IndexOf(';', entityStart);
            if (entityEnd >= cut)
            {
                cut = entityStart;
            }
        }
        return cut > start ? cut : end;
    }

    private static int LastSafe(string html, char separator, int minimum, int end)
    {
        var index = html.LastIndexOf(separator, end - 1, end - minimum);
        return index < 0 ? -1 : index + 1;
    }

    private static void TrackTags(string chunk, List<(string Name, string OpenTag)> open)
    {
        var index = 0;
        while ((index = chunk.IndexOf('<', index)) >= 0)
        {
            var close = chunk.IndexOf('>', index);
            if (close < 0)
            {
                break;
            }
            var tag = chunk[index..(close + 1)];
            if (tag.StartsWith("</", StringComparison.Ordinal))
            {
                var name = tag[2..^1].Trim();
                var last = open.FindLastIndex(t => t.Name == name);
                if (last >= 0)
                {
                    open.RemoveAt(last);
                }
            }
            else
            {
                var name = new string(tag[1..^1].TakeWhile(char.IsLetter).ToArray());
                if (name.Length > 0)
                {
                    open.Add((name, tag));
                }
            }
            index = close + 1;
        }
    }
}
