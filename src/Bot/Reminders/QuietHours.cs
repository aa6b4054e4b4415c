using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Reminders;

/// <summary>The local hours in which nobody is written to (21:00–09:00 by default); what falls due then waits for the morning.</summary>
public sealed class QuietHours(IOptions<RemindersOptions> options)
{
    private readonly TimeOnly _start = options.Value.QuietHoursStart;
    private readonly TimeOnly _end = options.Value.QuietHoursEnd;

    /// <summary><paramref name="instant"/> itself, or the end of the quiet hours in <paramref name="zone"/> that cover it.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (_start == _end)
        {
            return instant;
        }
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        // Quiet hours usually wrap midnight (21:00–09:00); a configured window within one day (13:00–15:00) need not.
        var quiet = _start < _end ? time >= _start && time < _end : time >= _start || time < _end;
        if (!quiet)
        {
            return instant;
        }
        var date = DateOnly.FromDateTime(local);
        return LocalCalendar.At(time < _end ? date : date.AddDays(1), _end, zone);
    }
}
