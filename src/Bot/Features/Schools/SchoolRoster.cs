using System.Globalization;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.Schools;

/// <summary>A row that cannot be imported, with its spreadsheet row number and the reason in Russian.</summary>
public sealed record RowProblem(int Row, string Reason);

/// <summary>The schools of a file, or the rows that keep it from being imported.</summary>
public sealed record SchoolRoster(int RowsRead, IReadOnlyList<School> Schools, IReadOnlyList<RowProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Maps the header row to the columns (Russian or English names, any order, any case) and checks every row.</summary>
    public static SchoolRoster From(SchoolSheet sheet)
    {
        var columns = Columns.Find(sheet.Headers);
        var schools = new List<School>(sheet.Rows.Count);
        var problems = new List<RowProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var reasons = new List<string>();
            var school = ReadRow(row, columns, reasons);
            if (school is not null && seen.TryGetValue(school.Number, out var firstRow))
            {
                reasons.Add(SchoolTexts.DuplicateNumber(school.Number, firstRow));
            }
            else if (school is not null)
            {
                seen[school.Number] = row.Number;
            }
            if (reasons.Count > 0)
            {
                problems.Add(new RowProblem(row.Number, string.Join("; ", reasons)));
            }
            else if (school is not null)
            {
                schools.Add(school);
            }
        }
        return new SchoolRoster(sheet.Rows.Count, schools, problems);
    }

    private static School? ReadRow(SheetRow row, Columns columns, List<string> reasons)
    {
        string Cell(int index) => index >= 0 && index < row.Cells.Count ? row.Cells[index].Trim() : "";

        var number = NormalizeNumber(Cell(columns.Number));
        if (number.Length == 0)
        {
            reasons.Add(SchoolTexts.MissingNumber);
        }
        else if (number.Length > 12 || !number.All(c => char.IsLetterOrDigit(c) || c is '-' or '/' or '.'))
        {
            reasons.Add(SchoolTexts.BadNumber(Cell(columns.Number)));
        }
        var name = Cell(columns.Name);
        if (name.Length == 0)
        {
            reasons.Add(SchoolTexts.MissingName);
        }
        else if (name.Length > 300)
        {
            reasons.Add(SchoolTexts.NameTooLong);
        }
        var settlement = Cell(columns.Settlement);
        if (settlement.Length == 0)
        {
            reasons.Add(SchoolTexts.MissingSettlement);
        }
        else if (settlement.Length > 150)
        {
            reasons.Add(SchoolTexts.SettlementTooLong);
        }
        var kind = Parse(Cell(columns.Kind), Kinds, SchoolTexts.BadKind, reasons);
        var size = Parse(Cell(columns.Size), Sizes, SchoolTexts.BadSize, reasons);
        var status = Parse(Cell(columns.Status), Statuses, SchoolTexts.BadStatus, reasons);
        var location = ReadLocation(Cell(columns.Latitude), Cell(columns.Longitude), reasons);
        var director = columns.Director >= 0 && Cell(columns.Director) is { Length: > 0 } d ? d : null;
        if (director?.Length > 200)
        {
            reasons.Add(SchoolTexts.DirectorTooLong);
        }
        return number.Length == 0 || kind is null || size is null || status is null
            ? null
            : new School(number, name, settlement, kind.Value, size.Value, status.Value, location, director);
    }

    /// <summary>"№ 29", "No.29" and "29" are the same school.</summary>
    public static string NormalizeNumber(string text)
    {
        var number = text.Trim().TrimStart('№', '#').Trim();
        if (number.StartsWith("No", StringComparison.OrdinalIgnoreCase) && number.Length > 2 && !char.IsLetter(number[2]))
        {
            number = number[2..].TrimStart('.', ' ');
        }
        return number.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
    }

    private static T? Parse<T>(string text, IReadOnlyDictionary<string, T> words, Func<string, string> reason, List<string> reasons) where T : struct
    {
        if (words.TryGetValue(Key(text), out var value))
        {
            return value;
        }
        reasons.Add(reason(text));
        return null;
    }

    private static Coordinates? ReadLocation(string latitudeText, string longitudeText, List<string> reasons)
    {
        if (latitudeText.Length == 0 && longitudeText.Length == 0)
        {
            return null;
        }
        if (latitudeText.Length == 0 || longitudeText.Length == 0)
        {
            reasons.Add(SchoolTexts.OneCoordinate);
            return null;
        }
        var latitude = Degrees(latitudeText, 90, SchoolTexts.LatitudeWord, reasons);
        var longitude = Degrees(longitudeText, 180, SchoolTexts.LongitudeWord, reasons);
        return latitude is { } lat && longitude is { } lon ? new Coordinates(lat, lon) : null;
    }

    private static double? Degrees(string text, double limit, string word, List<string> reasons)
    {
        if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            reasons.Add(SchoolTexts.NotANumber(word, text));
            return null;
        }
        if (Math.Abs(value) > limit)
        {
            reasons.Add(SchoolTexts.OutOfRange(word, text, limit));
            return null;
        }
        return value;
    }

    private static string Key(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Replace('ё', 'е').Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));

    private static readonly Dictionary<string, SettlementKind> Kinds = new(StringComparer.Ordinal)
    {
        ["город"] = SettlementKind.Urban, ["городская"] = SettlementKind.Urban, ["городской"] = SettlementKind.Urban, ["urban"] = SettlementKind.Urban,
        ["село"] = SettlementKind.Rural, ["сельская"] = SettlementKind.Rural, ["сельский"] = SettlementKind.Rural, ["rural"] = SettlementKind.Rural,
        ["станица"] = SettlementKind.Rural, ["поселок"] = SettlementKind.Rural, ["деревня"] = SettlementKind.Rural, ["хутор"] = SettlementKind.Rural,
    };

    private static readonly Dictionary<string, SizeBand> Sizes = new(StringComparer.Ordinal)
    {
        ["малая"] = SizeBand.Small, ["малокомплектная"] = SizeBand.Small, ["small"] = SizeBand.Small,
        ["средняя"] = SizeBand.Medium, ["medium"] = SizeBand.Medium,
        ["большая"] = SizeBand.Large, ["крупная"] = SizeBand.Large, ["large"] = SizeBand.Large,
    };

    private static readonly Dictionary<string, RegistryStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["флагман"] = RegistryStatus.Flagship, ["директор флагман"] = RegistryStatus.Flagship, ["flagship"] = RegistryStatus.Flagship,
        ["молодой директор"] = RegistryStatus.Young, ["молодой"] = RegistryStatus.Young, ["young"] = RegistryStatus.Young,
        ["низкие результаты"] = RegistryStatus.LowResults, ["шнор"] = RegistryStatus.LowResults, ["low results"] = RegistryStatus.LowResults,
        ["другое"] = RegistryStatus.Other, ["другой"] = RegistryStatus.Other, ["прочее"] = RegistryStatus.Other, ["other"] = RegistryStatus.Other, [""] = RegistryStatus.Other,
    };

    /// <summary>Where each field is in the sheet; the director's column is optional (-1 when absent).</summary>
    private sealed record Columns(int Number, int Name, int Settlement, int Kind, int Size, int Status, int Latitude, int Longitude, int Director)
    {
        private static readonly (string Label, string[] Names)[] Known =
        [
            ("Номер", ["номер", "№", "номер школы", "number"]),
            ("Полное название", ["полное название", "название", "наименование", "полное наименование", "full name", "name"]),
            ("Населённый пункт", ["населенный пункт", "settlement"]),
            ("Тип населённого пункта", ["тип населенного пункта", "тип поселения", "settlement kind"]),
            ("Размер", ["размер", "размер школы", "size", "size band"]),
            ("Статус", ["статус", "status"]),
            ("Широта", ["широта", "latitude", "lat"]),
            ("Долгота", ["долгота", "longitude", "lon", "lng"]),
            ("Директор", ["директор", "фио директора", "director"]),
        ];

        public static Columns Find(IReadOnlyList<string> headers)
        {
            var keys = headers.Select(Key).ToList();
            var found = Known.Select(column => keys.FindIndex(key => column.Names.Contains(key))).ToArray();
            var missing = Known.Take(8).Where((_, i) => found[i] < 0).Select(column => column.Label).ToList();
            if (missing.Count > 0)
            {
                throw new SchoolFileException(SchoolTexts.MissingColumns(missing, Known.Select(column => column.Label).ToList()));
            }
            return new Columns(found[0], found[1], found[2], found[3], found[4], found[5], found[6], found[7], found[8]);
        }
    }
}
