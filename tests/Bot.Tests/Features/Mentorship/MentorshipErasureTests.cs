using MentorBot.Bot.Tests.Support;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Features.Mentorship;

public sealed class MentorshipErasureTests
{
    [Fact]
    public async Task Deleting_a_mentee_ends_the_partnership_tells_the_mentor_briefly_and_leaves_no_trace()
    {
        await using var bot = await StartAsync();
        var partnershipId = await PartnerAsync(bot);
        await bot.PressDataAsync(Young, $"ps:plan:{partnershipId}");
        await bot.SendTextAsync(Young, "Разобрать локальные акты");
        await bot.PressAsync(Young, "Я");
        await bot.SendTextAsync(Young, "20.12.2026");

        await bot.SendTextAsync(Young, "/delete_me");
        await bot.PressAsync(Young, "Да, удалить");

        Assert.Contains("удалил свои данные", bot.LastText(BestFlagship));
        Assert.DoesNotContain("Иванова", bot.LastText(BestFlagship));
        await DatabaseAssert.NoTraceOfAsync(bot, Young, "Иванова", "ivanova", "Разобрать локальные акты");
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM reminders WHERE recipient_id = @Young", new { Young }));
    }

    [Fact]
    public async Task Deleting_a_flagship_cancels_their_pending_requests_and_tells_the_mentee()
    {
        await using var bot = await StartAsync();
        await bot.PressDataAsync(Young, $"req:new:{BestFlagship}");

        await bot.SendTextAsync(BestFlagship, "/delete_me");
        await bot.PressAsync(BestFlagship, "Да, удалить");

        Assert.Contains("флагман удалил свои данные", bot.LastText(Young));
        await DatabaseAssert.NoTraceOfAsync(bot, BestFlagship, "Петров Сергей", "petrov");
    }
}
