using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Features.Networking;

/// <summary>The young director's /find_mentor and /partnership suggest approved practices for their open deficits.</summary>
public sealed class PracticeSuggestionTests
{
    private const string Legal = "Локальные акты: как обновить за месяц";
    private const string Finance = "Закупки без ошибок";
    private const string PendingLegal = "Правовой ликбез для завучей";

    private static async Task SeedPracticesAsync(BotHarness bot) =>
        await bot.InScopeAsync(async services =>
        {
            var practices = services.GetRequiredService<PracticeRepository>();
            var legal = await practices.CreateAsync(new NewPractice(BestFlagship, "Гимназия № 1", "dinskoy", Legal, "Описание", null, ["legal"]), TestClock.DefaultStart);
            var finance = await practices.CreateAsync(new NewPractice(BestFlagship, "Гимназия № 1", "dinskoy", Finance, "Описание", null, ["finance"]), TestClock.DefaultStart);
            await practices.CreateAsync(new NewPractice(BestFlagship, "Гимназия № 1", "dinskoy", PendingLegal, "Описание", null, ["legal"]), TestClock.DefaultStart);
            await practices.ReviewAsync(legal, PracticeStatus.Approved, Coordinator, null, TestClock.DefaultStart);
            await practices.ReviewAsync(finance, PracticeStatus.Approved, Coordinator, null, TestClock.DefaultStart);
        });

    [Fact]
    public async Task Find_mentor_suggests_approved_practices_for_the_young_directors_deficits_only()
    {
        await using var bot = await StartAsync();
        await SeedPracticesAsync(bot);

        await bot.SendTextAsync(Young, "/find_mentor");

        var text = bot.LastText(Young);
        Assert.Contains("Подходящие наставники", text);
        Assert.Contains(Legal, text);
        Assert.DoesNotContain(Finance, text);
        Assert.DoesNotContain(PendingLegal, text);
    }

    [Fact]
    public async Task The_partnership_card_suggests_them_to_the_young_director_until_the_deficit_is_closed()
    {
        await using var bot = await StartAsync();
        await SeedPracticesAsync(bot);
        var partnershipId = await PartnerAsync(bot);

        await bot.SendTextAsync(Young, "/partnership");
        Assert.Contains(Legal, bot.LastText(Young));
        await bot.SendTextAsync(BestFlagship, "/partnership");
        Assert.DoesNotContain(Legal, bot.LastText(BestFlagship));

        await bot.InScopeAsync(services => services.GetRequiredService<PartnershipRepository>()
            .AddCheckinAsync(partnershipId, new Dictionary<string, int> { ["legal"] = 5, ["team"] = 3, ["parents"] = 2 }, "", TestClock.DefaultStart));
        await bot.SendTextAsync(Young, "/partnership");
        Assert.DoesNotContain(Legal, bot.LastText(Young));
    }
}
