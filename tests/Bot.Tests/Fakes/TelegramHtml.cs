using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Bot.Tests.Fakes;

/// <summary>
/// Telegram's parse_mode=HTML as far as a test needs it: a '&lt;' must open or close a supported tag, tags must
/// nest, and a stray '&amp;' stays literal. So an unescaped user text such as "a &lt;3 b" fails here as it does there.
/// </summary>
internal static partial class TelegramHtml
{
    private static readonly HashSet<string> SupportedTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    /// <summary>The text the user reads; throws a 400 "can't parse entities" like Telegram's.</summary>
    public static string ToVisibleText(string html)
    {
        var visible = new StringBuilder(html.Length);
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            switch (html[i])
            {
                case '<' when i + 1 < html.Length && html[i + 1] == '/':
                    var close = html.IndexOf('>', i);
                    if (close < 0)
                    {
                        throw Unparsable($"Unclosed end tag at byte offset {ByteOffset(html, i)}");
                    }

                    var closing = html[(i + 2)..close].Trim().ToLowerInvariant();
                    if (!open.TryPop(out var expected) || expected != closing)
                    {
                        throw Unparsable($"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected \"</{expected}>\", found \"</{closing}>\"");
                    }

                    i = close + 1;
                    break;
                case '<':
                    // As Telegram does: the name runs to a space or '>', and is judged before the attributes are read.
                    var nameEnd = html.IndexOfAny([' ', '\t', '\n', '>'], i);
                    if (nameEnd < 0)
                    {
                        throw Unparsable($"Unclosed start tag at byte offset {ByteOffset(html, i)}");
                    }

                    var name = html[(i + 1)..nameEnd].ToLowerInvariant();
                    if (!SupportedTags.Contains(name))
                    {
                        throw Unparsable($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, i)}");
                    }

                    var end = html.IndexOf('>', nameEnd);
                    if (end < 0)
                    {
                        throw Unparsable($"Unclosed start tag at byte offset {ByteOffset(html, i)}");
                    }

                    open.Push(name);
                    i = end + 1;
                    break;
                case '&' when Entity().Match(html, i) is { Success: true } entity:
                    visible.Append(WebUtility.HtmlDecode(entity.Value));
                    i += entity.Length;
                    break;
                default:
                    visible.Append(html[i]);
                    i++;
                    break;
            }
        }

        if (open.TryPeek(out var unclosed))
        {
            throw Unparsable($"Can't find end tag corresponding to start tag \"{unclosed}\"");
        }

        return visible.ToString();
    }

    private static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static FakeApiError Unparsable(string detail) => FakeApiError.BadRequest($"can't parse entities: {detail}");

    [GeneratedRegex(@"\G&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
