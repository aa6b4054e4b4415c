namespace MentorBot.Bot.Reminders;

/// <summary>Wall-clock times in a person's time zone, turned into instants.</summary>
public static class LocalCalendar
{
    /// <summary>
    /// The instant at which clocks in <paramref name="zone"/> show <paramref name="date"/> <paramref name="time"/>.
    /// Russia keeps no daylight saving time, but a configured zone may: a time skipped by the spring jump becomes the
    /// first one after the gap, and a time repeated in autumn its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        // The earlier of two instants is the one with the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The first <paramref name="day"/> at <paramref name="time"/> in <paramref name="zone"/> strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextWeekly(DateTimeOffset after, DayOfWeek day, TimeOnly time, TimeZoneInfo zone)
    {
        var today = LocalDate(after, zone);
        var candidate = today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);
        var at = At(candidate, time, zone);
        return at > after ? at : At(candidate.AddDays(7), time, zone);
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
