using System.Globalization;
using System.Text;

namespace MentorBot.Bot.Features.Profiles;

/// <summary>
/// Cleans what people type before it is checked or stored: Unicode is normalised, invisible format characters
/// (zero-width, bidi overrides) and control characters are dropped, and runs of spaces are folded.
/// </summary>
public static class TextInput
{
    public static string Clean(string? text, bool singleLine = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var normalized = text.Normalize(NormalizationForm.FormC);
        var cleaned = new StringBuilder(normalized.Length);
        var lastWasSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isNewLine = rune.Value == '\n';
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && !(isNewLine && !singleLine))
            {
                if (singleLine && isNewLine || rune.Value == '\t')
                {
                    AppendSpace();
                }
                continue;
            }
            if (Rune.IsWhiteSpace(rune) && !isNewLine)
            {
                AppendSpace();
                continue;
            }
            cleaned.Append(rune.ToString());
            lastWasSpace = false;
        }
        return cleaned.ToString().Trim();

        void AppendSpace()
        {
            if (!lastWasSpace)
            {
                cleaned.Append(' ');
                lastWasSpace = true;
            }
        }
    }

    /// <summary>Letters of one script per word, with spaces, hyphens, apostrophes and dots; at least two words.</summary>
    public static string? PersonNameProblem(string name)
    {
        if (name.Length < 3)
        {
            return "слишком короткое";
        }
        if (name.Any(char.IsDigit))
        {
            return "в ФИО не бывает цифр";
        }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return "укажите хотя бы фамилию и имя";
        }
        foreach (var word in words)
        {
            if (!word.All(c => char.IsLetter(c) || c is '-' || c is '\'' || c is '’' || c is '.'))
            {
                return "допустимы только буквы, пробел, дефис и апостроф";
            }
            var hasCyrillic = word.Any(IsCyrillic);
            var hasLatin = word.Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z');
            if (hasCyrillic && hasLatin)
            {
                return $"в слове «{word}» смешаны русские и латинские буквы";
            }
            if (!word.Any(char.IsLetter))
            {
                return "допустимы только буквы, пробел, дефис и апостроф";
            }
        }
        return null;
    }

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
