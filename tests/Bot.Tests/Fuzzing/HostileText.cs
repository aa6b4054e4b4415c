using System.Text;

namespace MentorBot.Bot.Tests.Fuzzing;

/// <summary>
/// What people (and attackers) type: plausible answers, and text built to break things: 100 KB strings, invisible
/// and right-to-left characters, markup, SQL, format strings, emoji, control characters and odd numbers and dates.
/// </summary>
public sealed class HostileText(Random random)
{
    public const int HugeLength = 100 * 1024;

    private static readonly string[] Answers =
    [
        "Иванова Мария Петровна", "Петров Сергей", "директор", "заместитель директора", "МАОУ СОШ № 9", "9", "ст. Динская",
        "Динской район", "г. Горячий Ключ", "Сельская", "до 300", "2", "15", "0", "20.12.2026", "01.09.2027 10:00", "завтра",
        "Да", "Нет", "Готово", "Пропустить", "Совместный педсовет", "Вместе", "https://school9.ru/practice", "правовые", "кадры",
    ];

    private static readonly string[] Attacks =
    [
        "'; DROP TABLE people; --", "\" OR 1=1 --", "1); DELETE FROM consents; --", "%' AND 1=1 --", "admin'--", "'||(SELECT sqlite_version())||'",
        "<script>alert(1)</script>", "<b>жирный</i>", "<a href=\"tg://user?id=1\">ссылка</a>", "a <3 b & c > d", "&lt;&amp;&#x27;&#0;", "</b></i></a>",
        "<tg-spoiler>", "<pre><code class=\"language-sql\">", "{0}{1}{2}", "%s%s%s%n", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "../../etc/passwd",
        "\u0000", "\u0001\u0002\u001b[31m", "\r\n\r\n", "\t\t", " ", "", "-1", "99999999999999999999", "1e309", "NaN", "0x10", "٣", "１２", "−5",
        "31.02.2026", "29.02.2027", "00.00.0000", "01.01.0001 00:00", "31.12.9999", "31.12.9999 23:59", "32.13.2026 25:61", "/start", "/", "//", "/start@mentorbot_test_bot", "@mentorbot_test_bot",
    ];

    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD", "\u202E", "\u202B", "\u200F", "\u061C", "\u2066", "\u2069"];

    private static readonly string[] Emoji = ["😀", "👨‍👩‍👧‍👦", "🇷🇺", "👍🏽", "🏳️‍🌈", "❤️", "🧑🏻‍🏫", "🔥", "\u0301", "é", "Å"];

    private static readonly string[] Scripts = ["Иван", "Ivan", "Іван", "Ӏ", "עברית", "العربية", "中文", "日本語", "ǅ", "ß", "ﬁ", "𝕴𝖛𝖆𝖓", "Ιωάννης"];

    public string Next() => random.Next(10) switch
    {
        0 or 1 or 2 => Pick(Answers),
        3 or 4 => Pick(Attacks),
        5 => Mixed(random.Next(1, 40)),
        6 => Pick(Answers) + Pick(Invisible) + Pick(Attacks) + Pick(Emoji),
        7 => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pick(Scripts) + Pick(Invisible))),
        8 => random.Next(4) == 0 ? Huge() : Mixed(random.Next(200, 5000)),
        _ => Pick(Invisible) + Pick(Answers) + Pick(Invisible),
    };

    /// <summary>An answer a dialog step may accept: a name, a school, a number, a date.</summary>
    public string Plausible() => Pick(Answers);

    /// <summary>About 100 KB of everything at once.</summary>
    public string Huge()
    {
        var text = new StringBuilder(HugeLength + 64);
        while (text.Length < HugeLength)
        {
            text.Append(Mixed(64));
        }
        return text.ToString();
    }

    private string Mixed(int parts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            text.Append(random.Next(5) switch
            {
                0 => Pick(Invisible),
                1 => Pick(Emoji),
                2 => Pick(Attacks),
                3 => Pick(Scripts),
                _ => ((char)random.Next(0x20, 0x2FFF)).ToString(),
            });
        }
        return text.ToString();
    }

    private string Pick(string[] from) => from[random.Next(from.Length)];
}
