using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Features.Mentorship;

/// <summary>
/// Every hard rule of matching holds where a request is created and where it is accepted, whatever the button said:
/// region, approval, availability, capacity, earlier refusals, role, and a coordinator's scope over both people.
/// </summary>
public sealed class PairingRulesTests
{
    private const long FarFlagship = 301;
    private const long FarYoung = 302;
    private const long NeighbourFlagship = 401;
    private const string OtherRegionDistrict = OtherRegion.District;

    private static async Task<BotHarness> StartWithNeighboursAsync()
    {
        var bot = await StartAsync(configure: OtherRegion.Add);
        await DirectorBuilder.Flagship(FarFlagship).Named("Дальнева Инна Львовна").InDistrict(OtherRegionDistrict).WithStrengths("legal", "team", "parents").SaveAsync(bot);
        await DirectorBuilder.Young(FarYoung).Named("Дальний Олег Ильич").InDistrict(OtherRegionDistrict).SaveAsync(bot);
        await DirectorBuilder.Flagship(NeighbourFlagship).Named("Соседова Нина Юрьевна").InDistrict("goryachy-klyuch").SaveAsync(bot);
        return bot;
    }

    [Fact]
    public async Task A_forged_request_to_a_flagship_of_another_region_is_refused()
    {
        await using var bot = await StartWithNeighboursAsync();

        await bot.PressDataAsync(Young, $"req:new:{FarFlagship}");
        await bot.PressDataAsync(FarYoung, $"req:new:{BestFlagship}");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));
        Assert.Contains(bot.Telegram.CallbackAnswers, a => a.Text is { } text && text.Contains("нельзя назначить подопечного"));
        Assert.Empty(bot.TextsIn(FarFlagship));
        Assert.Empty(bot.TextsIn(BestFlagship));
    }

    [Fact]
    public async Task A_flagship_of_a_neighbouring_district_of_the_same_region_may_still_be_asked()
    {
        await using var bot = await StartWithNeighboursAsync();

        await bot.PressDataAsync(Young, $"req:new:{NeighbourFlagship}");

        Assert.Equal(NeighbourFlagship, await bot.ScalarAsync<long>("SELECT mentor_id FROM mentor_requests"));
    }

    [Fact]
    public async Task A_coordinator_cannot_assign_a_flagship_of_a_district_they_do_not_coordinate()
    {
        await using var bot = await StartWithNeighboursAsync();

        await bot.PressDataAsync(Coordinator, $"asg:p:{Young}:{NeighbourFlagship}");
        await bot.PressDataAsync(Coordinator, $"asg:p:{Young}:{FarFlagship}");
        await bot.PressDataAsync(Coordinator, $"asg:p:{FarYoung}:{BestFlagship}");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));
        Assert.Empty(bot.TextsIn(NeighbourFlagship));
        Assert.Empty(bot.TextsIn(FarFlagship));
    }

    [Fact]
    public async Task A_coordinator_of_both_districts_may_assign_across_them()
    {
        await using var bot = await StartWithNeighboursAsync();
        await CoordinatorSeed.AddAsync(bot, 902, "dinskoy", "goryachy-klyuch");

        await bot.PressDataAsync(902, $"asg:p:{Young}:{NeighbourFlagship}");

        Assert.Equal(NeighbourFlagship, await bot.ScalarAsync<long>("SELECT mentor_id FROM mentor_requests"));
    }

    [Fact]
    public async Task Every_other_hard_rule_refuses_a_forged_request()
    {
        await using var bot = await StartWithNeighboursAsync();
        await DirectorBuilder.Flagship(211).Pending().SaveAsync(bot);
        await DirectorBuilder.Flagship(212).WithCapacity(0).SaveAsync(bot);
        await DirectorBuilder.Young(111).SaveAsync(bot);
        await bot.ScalarAsync<long>("UPDATE people SET is_available = 0 WHERE user_id = @SecondFlagship", new { SecondFlagship });
        await bot.PressDataAsync(Young, $"req:new:{ThirdFlagship}");
        var refused = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests");
        await bot.PressDataAsync(ThirdFlagship, $"req:dec:{refused}");
        await bot.SendTextAsync(ThirdFlagship, "Без причины");
        var requestsBefore = await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests");

        // Pending, full, paused, a young director, one who declined before, and a flagship asking a flagship.
        foreach (var mentor in new long[] { 211, 212, SecondFlagship, 111, ThirdFlagship })
        {
            await bot.PressDataAsync(Young, $"req:new:{mentor}");
        }
        await bot.PressDataAsync(BestFlagship, $"req:new:{SecondFlagship}");
        foreach (var mentor in new long[] { 211, 212, SecondFlagship, 111, ThirdFlagship })
        {
            await bot.PressDataAsync(Coordinator, $"asg:p:{Young}:{mentor}");
        }
        await bot.PressDataAsync(Coordinator, $"asg:p:{BestFlagship}:{SecondFlagship}");

        Assert.Equal(requestsBefore, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests WHERE status = 'Pending'"));
    }

    [Fact]
    public async Task A_request_across_regions_already_stored_cannot_be_accepted_and_the_mentee_gets_other_candidates()
    {
        await using var bot = await StartWithNeighboursAsync();
        // As a forged button left it before the rule was enforced.
        var requestId = 0L;
        await bot.InScopeAsync(async services => requestId = (await services.GetRequiredService<MentorRequestRepository>().CreateAsync(
            Young, FarFlagship, RequestOrigin.Mentee, null, 0.5, "—", bot.Clock.GetUtcNow(), bot.Clock.GetUtcNow().AddDays(3)))!.Value);

        await bot.PressDataAsync(FarFlagship, $"req:acc:{requestId}");
        await bot.DeliveredAsync();

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships"));
        Assert.Equal("Released", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        Assert.Contains(bot.Telegram.CallbackAnswers, a => a.Text is { } text && text.Contains("только внутри одного региона"));
        Assert.Contains("больше не может быть принят", bot.LastText(Young));
        Assert.Contains("Запрос: Петров", string.Join("|", bot.Telegram.In(Young).Last().Buttons.Select(b => b.Text)));
    }
}

/// <summary>A district of another region beside the repository's two districts of Краснодарский край.</summary>
public static class OtherRegion
{
    public const string District = "kaliningrad";

    public static void Add(IDictionary<string, string?> settings)
    {
        settings["Catalog:Districts:2:Code"] = District;
        settings["Catalog:Districts:2:Name"] = "Калининград";
        settings["Catalog:Districts:2:Region"] = "Калининградская область";
        settings["Catalog:Districts:2:TimeZone"] = "Europe/Kaliningrad";
    }
}
