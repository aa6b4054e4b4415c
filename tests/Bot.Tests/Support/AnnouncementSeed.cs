using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Support;

/// <summary>Stores a forum announcement as sent to <c>recipients</c> (in that order, as the broadcast runner records its batches).</summary>
public static class AnnouncementSeed
{
    public static async Task<long> SentForumAsync(
        BotHarness bot, long? coordinatorId, string district, IReadOnlyList<long> recipients, string title = "Форум", AudienceRole role = AudienceRole.Young, int inDays = 30)
    {
        var now = bot.Clock.GetUtcNow();
        long id = 0;
        await bot.InScopeAsync(async services =>
        {
            var announcements = services.GetRequiredService<AnnouncementRepository>();
            id = await announcements.CreateAsync(new Announcement
            {
                CoordinatorId = coordinatorId,
                Kind = AnnouncementKind.Forum,
                Title = title,
                StartsAt = now.AddDays(inDays),
                TimeZone = "Europe/Moscow",
                Place = "ДК",
                Audience = new AnnouncementAudience { Role = role, Districts = [district] },
                Status = AnnouncementStatus.Sent,
                SendAt = now,
                CreatedAt = now,
            });
            await announcements.AddRecipientsAsync(id, recipients, 0);
        });
        return id;
    }
}
