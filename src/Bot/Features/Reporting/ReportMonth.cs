using System.Globalization;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Reminders;

namespace MentorBot.Bot.Features.Reporting;

/// <summary>A calendar month, as a report covers it: from its first midnight to the next month's, in a district's zone.</summary>
public readonly record struct ReportMonth(int Year, int Month)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    public string Name => ReportTexts.MonthName(Year, Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public ReportMonth Previous => FromDate(FirstDay.AddMonths(-1));

    public ReportMonth Next => FromDate(FirstDay.AddMonths(1));

    public (DateTimeOffset From, DateTimeOffset To) Span(TimeZoneInfo zone) =>
        (LocalCalendar.At(FirstDay, TimeOnly.MinValue, zone), LocalCalendar.At(FirstDay.AddMonths(1), TimeOnly.MinValue, zone));

    public static ReportMonth FromDate(DateOnly date) => new(date.Year, date.Month);

    public static ReportMonth Of(DateTimeOffset instant, TimeZoneInfo zone) => FromDate(LocalCalendar.LocalDate(instant, zone));

    /// <summary>"2026-11" or "11.2026".</summary>
    public static bool TryParse(string text, out ReportMonth month)
    {
        month = default;
        foreach (var format in new[] { "yyyy-MM", "MM.yyyy", "M.yyyy" })
        {
            if (DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                month = FromDate(date);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The first working day of the month: Monday to Friday, and not one of Russia's fixed public holidays (Labour Code,
    /// art. 112). The yearly transfers of days off, set by decree, are not known here; a report due on such a day comes
    /// on it anyway, which only makes it early.
    /// </summary>
    public DateOnly FirstWorkingDay()
    {
        var day = FirstDay;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsPublicHoliday(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private static bool IsPublicHoliday(DateOnly day) => (day.Month, day.Day) switch
    {
        (1, <= 8) or (2, 23) or (3, 8) or (5, 1) or (5, 9) or (6, 12) or (11, 4) => true,
        _ => false,
    };
}
