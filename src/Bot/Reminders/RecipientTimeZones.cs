using MentorBot.Bot.Catalog;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Reminders;

/// <summary>
/// Whose morning it is: a director's district decides, then a coordinator's first district (or the first district of
/// their region), then the default zone.
/// </summary>
public sealed class RecipientTimeZones(ReminderRepository reminders, Districts districts, IOptions<RemindersOptions> options)
{
    public async Task<TimeZoneInfo> OfAsync(long userId, CancellationToken cancellationToken = default)
    {
        var place = await reminders.PlaceOfAsync(userId, cancellationToken);
        var district = districts.Find(place.District)
            ?? districts.Find(place.CoordinatorDistrict)
            ?? districts.All.FirstOrDefault(d => place.Region is not null && d.Region == place.Region);
        return district is not null ? districts.TimeZone(district.Code) : TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);
    }
}
