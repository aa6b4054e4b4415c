using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>What a recipient gets: the announcement's text and its «Буду» / «Не смогу» buttons.</summary>
public static class AnnouncementMessage
{
    public const string Yes = "y";
    public const string No = "n";

    public static HtmlText Body(Announcement announcement) => AnnouncementTexts.Body(
        announcement.Kind, announcement.Title, announcement.StartsAt, Zone(announcement.TimeZone), announcement.Place, announcement.Description);

    /// <summary>The buttons, the person's current answer marked.</summary>
    public static InlineKeyboardMarkup RsvpKeyboard(long announcementId, RsvpAnswer? chosen) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(
                AnnouncementTexts.RsvpLabel(AnnouncementTexts.RsvpYesButton, chosen == RsvpAnswer.Yes), CallbackData.Build(RsvpCallback.Prefix, announcementId, Yes)),
            InlineKeyboardButton.WithCallbackData(
                AnnouncementTexts.RsvpLabel(AnnouncementTexts.RsvpNoButton, chosen == RsvpAnswer.No), CallbackData.Build(RsvpCallback.Prefix, announcementId, No)),
        ],
    ]);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
