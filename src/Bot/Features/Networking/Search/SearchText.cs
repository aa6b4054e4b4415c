using System.Globalization;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking.Search;

/// <summary>
/// Folds text for search, the same way for what is stored and what is asked: cleaned, lower-cased by Russian rules,
/// ё read as е, and "№ 9" as "№9". Done here because SQLite's lower() and LIKE fold ASCII letters only.
/// </summary>
public static class SearchText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Normalize(string? text) =>
        TextInput.Clean(text).ToLower(Russian).Replace('ё', 'е').Replace("№ ", "№", StringComparison.Ordinal);

    /// <summary>The words of a query, longest first, at most as many as the search takes.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length)
            .Take(NetworkingRepository.MaxWords)
            .ToList();

    /// <summary>Whether every word of the query is in the text.</summary>
    public static bool Matches(string text, IReadOnlyList<string> words)
    {
        var normalized = Normalize(text);
        return words.All(w => normalized.Contains(w, StringComparison.Ordinal));
    }
}
