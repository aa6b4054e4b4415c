using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Bot.Tests.Reminders;

public sealed class QuietHoursTests
{
    private static readonly QuietHours Default = new(Options.Create(new RemindersOptions()));

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Theory]
    // Kaliningrad is UTC+2, Moscow UTC+3, Vladivostok UTC+10, Kamchatka UTC+12, all the year round.
    [InlineData("Europe/Kaliningrad", "2026-11-23T20:00:00Z", "2026-11-24T07:00:00Z")] // 22:00 local → 09:00 local
    [InlineData("Europe/Moscow", "2026-11-23T17:59:00Z", "2026-11-23T17:59:00Z")] // 20:59 local: still the day
    [InlineData("Europe/Moscow", "2026-11-23T18:00:00Z", "2026-11-24T06:00:00Z")] // 21:00 local: quiet begins
    [InlineData("Asia/Vladivostok", "2026-11-23T12:00:00Z", "2026-11-23T23:00:00Z")] // 22:00 local → 09:00 local, the same UTC day
    [InlineData("Asia/Vladivostok", "2026-11-23T17:30:00Z", "2026-11-23T23:00:00Z")] // 03:30 local → 09:00 the same local day
    [InlineData("Asia/Kamchatka", "2026-11-23T20:59:00Z", "2026-11-23T21:00:00Z")] // 08:59 local → a minute later
    [InlineData("Asia/Kamchatka", "2026-11-23T21:00:00Z", "2026-11-23T21:00:00Z")] // 09:00 local: allowed
    public void An_instant_in_quiet_hours_moves_to_nine_in_the_morning_of_the_recipients_zone(string zone, string instant, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), Default.NextAllowed(DateTimeOffset.Parse(instant), Zone(zone)));
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_no_quiet_hours_are_configurable()
    {
        var lunch = new QuietHours(Options.Create(new RemindersOptions { QuietHoursStart = new(13, 0), QuietHoursEnd = new(15, 0) }));
        var none = new QuietHours(Options.Create(new RemindersOptions { QuietHoursStart = new(0, 0), QuietHoursEnd = new(0, 0) }));
        var moscow = Zone("Europe/Moscow");

        Assert.Equal(DateTimeOffset.Parse("2026-11-23T12:00:00Z"), lunch.NextAllowed(DateTimeOffset.Parse("2026-11-23T10:30:00Z"), moscow));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T19:00:00Z"), lunch.NextAllowed(DateTimeOffset.Parse("2026-11-23T19:00:00Z"), moscow));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T23:00:00Z"), none.NextAllowed(DateTimeOffset.Parse("2026-11-23T23:00:00Z"), moscow));
    }

    [Fact]
    public void Local_times_skipped_or_repeated_by_daylight_saving_still_map_to_one_instant()
    {
        var berlin = Zone("Europe/Berlin");

        // 02:30 does not exist on 29 March 2026 in Berlin: the clocks jump from 02:00 to 03:00 (01:00 UTC).
        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:00:00Z"), LocalCalendar.At(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), berlin));
        // 02:30 happens twice on 25 October 2026; the first time is 00:30 UTC.
        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:30:00Z"), LocalCalendar.At(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), berlin));
    }

    [Fact]
    public void The_next_weekly_time_is_strictly_after_the_given_instant_in_the_given_zone()
    {
        var vladivostok = Zone("Asia/Vladivostok");
        // Monday 23 November 2026, 09:00 in Vladivostok is 23:00 UTC on Sunday the 22nd.
        var monday = DateTimeOffset.Parse("2026-11-22T23:00:00Z");

        Assert.Equal(monday, LocalCalendar.NextWeekly(monday.AddMinutes(-1), DayOfWeek.Monday, new TimeOnly(9, 0), vladivostok));
        Assert.Equal(monday.AddDays(7), LocalCalendar.NextWeekly(monday, DayOfWeek.Monday, new TimeOnly(9, 0), vladivostok));
    }

    [Theory]
    [InlineData(ReminderBot.Kaliningrad, "2026-11-23T20:00:00Z", "2026-11-24T07:00:00Z")]
    [InlineData(ReminderBot.Vladivostok, "2026-11-23T12:00:00Z", "2026-11-23T23:00:00Z")]
    public async Task A_reminder_due_at_ten_at_night_waits_until_nine_in_the_morning_local_and_is_not_called_late(
        string district, string tenPmLocal, string nineAmLocal)
    {
        const long director = 6001;
        await using var bot = await ReminderBot.StartAsync(clock: new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T11:00:00Z")));
        await DirectorBuilder.Young(director).InDistrict(district).SaveAsync(bot);
        var due = DateTimeOffset.Parse(tenPmLocal);
        var morning = DateTimeOffset.Parse(nineAmLocal);
        await bot.ScheduleAsync<TestNudge>(director, due);

        bot.Clock.SetUtcNow(due);
        Assert.Equal(1, (await bot.SweepAsync()).Deferred);
        var row = Assert.Single(await bot.RemindersAsync());
        Assert.Equal(("pending", due, morning), (row.State, row.DueAt, row.DeferredUntil));

        bot.Clock.SetUtcNow(morning.AddMinutes(-1));
        await bot.SweepAsync();
        Assert.Empty(bot.Telegram.Messages);

        bot.Clock.SetUtcNow(morning);
        await bot.SweepAsync();
        Assert.Equal(["Напоминание: без темы"], bot.TextsIn(director));
    }
}
