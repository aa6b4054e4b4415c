using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.DesignatedPairs;

/// <summary>One designated pair as the list gives it, with the line (or spreadsheet row) it came from.</summary>
public sealed record PairEntry(int Line, string Flagship, string Young);

/// <summary>
/// The pairs of a resolution's list, or the lines that keep it from being imported. A pasted list has one flagship
/// school per line, <c>1 → 9, 25</c> (also <c>-&gt;</c>, <c>—&gt;</c>; commas or semicolons between young schools); a
/// spreadsheet has a column of flagship school numbers and one of young school numbers (several numbers in a cell are
/// read as several pairs).
/// </summary>
public sealed record PairList(int LinesRead, IReadOnlyList<PairEntry> Pairs, IReadOnlyList<RowProblem> Problems)
{
    public const int MaxPairs = 1000;

    private static readonly string[] Arrows = ["—>", "–>", "-->", "->", "=>", "→", "⟶", "➔"];

    public bool IsValid => Problems.Count == 0;

    public static PairList FromText(string text)
    {
        var entries = new List<(int Line, string Flagship, string Young)>();
        var problems = new List<RowProblem>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var read = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            read++;
            // "1 → 9, 25; 2 → 26": several flagships on one line, each part with its own arrow.
            var parts = line.Split(';');
            if (parts.Length > 1 && parts.All(p => ArrowCount(p) == 1))
            {
                foreach (var part in parts)
                {
                    var at = FirstArrow(part);
                    Read(i + 1, part[..at.At], part[(at.At + at.Arrow.Length)..], entries, problems);
                }
                continue;
            }
            var arrow = Arrows.Select(a => (Arrow: a, At: line.IndexOf(a, StringComparison.Ordinal))).Where(a => a.At >= 0).OrderBy(a => a.At).FirstOrDefault();
            if (arrow.Arrow is null)
            {
                problems.Add(new RowProblem(i + 1, DesignatedPairTexts.NoArrow));
                continue;
            }
            var left = line[..arrow.At];
            var right = line[(arrow.At + arrow.Arrow.Length)..];
            if (Arrows.Any(a => right.Contains(a, StringComparison.Ordinal)))
            {
                problems.Add(new RowProblem(i + 1, DesignatedPairTexts.TwoArrows));
                continue;
            }
            Read(i + 1, left, right, entries, problems);
        }
        return Checked(read, entries, problems);
    }

    private static (string Arrow, int At) FirstArrow(string text) =>
        Arrows.Select(a => (Arrow: a, At: text.IndexOf(a, StringComparison.Ordinal))).Where(a => a.At >= 0).OrderBy(a => a.At).ThenByDescending(a => a.Arrow.Length).First();

    private static int ArrowCount(string text)
    {
        var count = 0;
        for (var rest = text; Arrows.Any(a => rest.Contains(a, StringComparison.Ordinal)); count++)
        {
            var (arrow, at) = FirstArrow(rest);
            rest = rest[(at + arrow.Length)..];
        }
        return count;
    }

    /// <summary>The header row names the columns: one with «флагман» (or "flagship"), one with «молод» (or "young").</summary>
    public static PairList FromSheet(SchoolSheet sheet)
    {
        var flagshipColumn = Column(sheet.Headers, "флагман", "flagship", "наставник", "mentor");
        var youngColumn = Column(sheet.Headers, "молод", "young", "подопечн", "mentee");
        if (flagshipColumn < 0 || youngColumn < 0 || flagshipColumn == youngColumn)
        {
            throw new SchoolFileException(DesignatedPairTexts.MissingColumns);
        }
        var entries = new List<(int Line, string Flagship, string Young)>();
        var problems = new List<RowProblem>();
        foreach (var row in sheet.Rows)
        {
            string Cell(int index) => index < row.Cells.Count ? row.Cells[index] : "";
            Read(row.Number, Cell(flagshipColumn), Cell(youngColumn), entries, problems);
        }
        return Checked(sheet.Rows.Count, entries, problems);
    }

    private static int Column(IReadOnlyList<string> headers, params string[] words)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().ToLowerInvariant();
            if (words.Any(w => header.Contains(w, StringComparison.Ordinal)))
            {
                return i;
            }
        }
        return -1;
    }

    private static void Read(int line, string flagshipText, string youngText, List<(int, string, string)> entries, List<RowProblem> problems)
    {
        var reasons = new List<string>();
        var flagship = Number(flagshipText, DesignatedPairTexts.FlagshipWord, reasons);
        var young = youngText.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(n => Number(n, DesignatedPairTexts.YoungWord, reasons)).OfType<string>().ToList();
        if (young.Count == 0 && reasons.Count == 0)
        {
            reasons.Add(DesignatedPairTexts.NoYoungNumbers);
        }
        if (flagship is not null && young.Contains(flagship))
        {
            reasons.Add(DesignatedPairTexts.SameSchoolBothSides(flagship));
        }
        if (reasons.Count > 0 || flagship is null)
        {
            problems.Add(new RowProblem(line, string.Join("; ", reasons)));
            return;
        }
        entries.AddRange(young.Select(y => (line, flagship, y)));
    }

    private static string? Number(string text, string word, List<string> reasons)
    {
        var number = SchoolRoster.NormalizeNumber(text);
        if (number.Length == 0)
        {
            reasons.Add(DesignatedPairTexts.MissingNumber(word));
            return null;
        }
        if (number.Length > 12 || !number.All(c => char.IsLetterOrDigit(c) || c is '-' or '/' or '.'))
        {
            reasons.Add(DesignatedPairTexts.BadNumber(word, text.Trim()));
            return null;
        }
        return number;
    }

    /// <summary>A young school may be designated once; the same pair twice is a duplicate too.</summary>
    private static PairList Checked(int read, List<(int Line, string Flagship, string Young)> entries, List<RowProblem> problems)
    {
        var seen = new Dictionary<string, (int Line, string Flagship)>(StringComparer.Ordinal);
        var pairs = new List<PairEntry>();
        foreach (var (line, flagship, young) in entries)
        {
            if (seen.TryGetValue(young, out var first))
            {
                problems.Add(new RowProblem(line, first.Flagship == flagship
                    ? DesignatedPairTexts.DuplicatePair(flagship, young, first.Line)
                    : DesignatedPairTexts.YoungTwice(young, first.Flagship, first.Line)));
                continue;
            }
            seen[young] = (line, flagship);
            pairs.Add(new PairEntry(line, flagship, young));
        }
        if (pairs.Count > MaxPairs)
        {
            problems.Add(new RowProblem(pairs[MaxPairs].Line, DesignatedPairTexts.TooManyPairs(MaxPairs)));
        }
        if (read == 0)
        {
            problems.Add(new RowProblem(1, DesignatedPairTexts.EmptyList));
        }
        return new PairList(read, pairs, problems.OrderBy(p => p.Row).ToList());
    }
}
