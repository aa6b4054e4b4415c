using System.Globalization;
using System.Text.RegularExpressions;
using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// Dates and times as people type them: «15.12.2026», «5.1.2027», «15/12/2026»; «15:30», «15.30», «9-05», «15 30».
/// Only years a person can mean are read (<see cref="FirstYear"/> to <see cref="LastYear"/>): «01.01.0001» or
/// «31.12.9999» are refused as unreadable rather than turned into instants that overflow in a time zone.
/// </summary>
public static partial class DateTimeInput
{
    public const int FirstYear = 2000;
    public const int LastYear = 2199;

    public static DateOnly? ParseDate(string? text) =>
        DatePattern().Match(TextInput.Clean(text)) is { Success: true } match ? ToDate(match) : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimePattern().Match(TextInput.Clean(text)) is { Success: true } match ? ToTime(match) : null;

    /// <summary>A date and a time, separated by a space or a comma: «15.12.2026 10:00», «15.12.2026, 10.00».</summary>
    public static (DateOnly Date, TimeOnly Time)? ParseDateTime(string? text)
    {
        var match = DateTimePattern().Match(TextInput.Clean(text));
        return match.Success && ToDate(match) is { } date && ToTime(match) is { } time ? (date, time) : null;
    }

    private static DateOnly? ToDate(Match match)
    {
        var year = Number(match.Groups["year"].Value);
        if (match.Groups["year"].Value.Length == 2)
        {
            year += 2000;
        }
        var month = Number(match.Groups["month"].Value);
        var day = Number(match.Groups["day"].Value);
        return year is >= FirstYear and <= LastYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static TimeOnly? ToTime(Match match)
    {
        var hour = Number(match.Groups["hour"].Value);
        var minute = Number(match.Groups["minute"].Value);
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private const string Date = @"(?<day>[0-9]{1,2})[./-](?<month>[0-9]{1,2})[./-](?<year>[0-9]{4}|[0-9]{2})";
    private const string Time = @"(?<hour>[0-9]{1,2})\s?[:.\- ]\s?(?<minute>[0-9]{2})";

    [GeneratedRegex("^" + Date + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex("^" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex("^" + Date + @"\s*[, ]\s*(?:в\s+)?" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
