namespace MentorBot.Matching.Profiles;

/// <summary>
/// The shared list of deficit and strength codes with the short Russian labels that reasons quote.
/// The order of the codes is the order in which reasons list sets such as offers.
/// </summary>
public sealed class Taxonomy
{
    private readonly Dictionary<string, (int Rank, string Label)> _entries = new(StringComparer.Ordinal);

    public Taxonomy(IEnumerable<KeyValuePair<string, string>> labelsInOrder)
    {
        foreach (var (code, label) in labelsInOrder)
        {
            if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(label))
                throw new MatchingInputException($"taxonomy: code \"{code}\" needs a non-empty label");
            _entries[code] = (_entries.TryGetValue(code, out var existing) ? existing.Rank : _entries.Count, label);
        }
    }

    /// <summary>The 16 codes of DOMAIN.md with short labels that fit inside a sentence.</summary>
    public static Taxonomy Default { get; } = new(new Dictionary<string, string>
    {
        ["quality"] = "качество образования и ВСОКО",
        ["transition"] = "перевод школы в эффективный режим",
        ["standards"] = "обновлённые ФГОС и ФОП",
        ["upbringing"] = "воспитательная работа",
        ["staff"] = "кадры",
        ["team"] = "делегирование",
        ["culture"] = "корпоративная культура",
        ["parents"] = "работа с родителями",
        ["legal"] = "правовые вопросы",
        ["finance"] = "финансы и закупки",
        ["network"] = "сетевое взаимодействие",
        ["projects"] = "проектное управление",
        ["digital"] = "цифровая среда",
        ["research"] = "проектная деятельность учащихся",
        ["support"] = "психолого-педагогическое сопровождение",
        ["preschool"] = "дошкольное образование",
    });

    public IEnumerable<string> Codes => _entries.OrderBy(e => e.Value.Rank).Select(e => e.Key);

    /// <summary>This taxonomy with some labels replaced or added, such as labels from the bot's configuration.</summary>
    public Taxonomy With(IEnumerable<KeyValuePair<string, string>> overrides) =>
        new(Codes.Select(c => KeyValuePair.Create(c, _entries[c].Label)).Concat(overrides));

    /// <summary>The label of a code; an unknown code stands for itself.</summary>
    public string Label(string code) => _entries.TryGetValue(code, out var entry) ? entry.Label : code;

    /// <summary>Codes in taxonomy order, unknown ones last in ordinal order, for deterministic wording.</summary>
    public IEnumerable<string> InOrder(IEnumerable<string> codes) =>
        codes.Distinct(StringComparer.Ordinal)
            .OrderBy(c => _entries.TryGetValue(c, out var entry) ? entry.Rank : int.MaxValue)
            .ThenBy(c => c, StringComparer.Ordinal);
}
