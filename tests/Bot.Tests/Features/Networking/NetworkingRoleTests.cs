using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Networking;

/// <summary>Every networking command and button tried by those its route leaves out: all refused, nothing stored.</summary>
public sealed class NetworkingRoleTests
{
    private const long Young = 3801;
    private const long Flagship = 3802;
    private const long PendingFlagship = 3803;
    private const long Guest = 3804;
    private const long Coordinator = 3805;

    public static TheoryData<string, long> Refused => new()
    {
        // Coordinators only.
        { "/review_practices", Young }, { "/review_practices", Flagship }, { "/review_practices", PendingFlagship }, { "/review_practices", Guest },
        { "/sites", Young }, { "/sites", Flagship }, { "/sites", PendingFlagship }, { "/sites", Guest },
        { "/forum_link", Young }, { "/forum_link", Flagship }, { "/forum_link", Guest },
        // Directors only: a coordinator without a profile, a flagship not yet approved and a guest are left out.
        { "/network", Coordinator }, { "/network", PendingFlagship }, { "/network", Guest },
        { "/internships", Coordinator }, { "/internships", PendingFlagship }, { "/internships", Guest },
        { "/coffee", Coordinator }, { "/coffee", PendingFlagship }, { "/coffee", Guest },
        { "/publish_practice", Coordinator }, { "/publish_practice", PendingFlagship }, { "/publish_practice", Guest },
        // Anyone registered.
        { "/practices", Guest },
    };

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Young).SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).SaveAsync(bot);
        await DirectorBuilder.Flagship(PendingFlagship).Pending().SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        return bot;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_command_is_refused_to_those_its_route_leaves_out(string command, long caller)
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(caller, command);

        Assert.Contains("Эта команда вам недоступна", bot.LastText(caller));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task Forged_buttons_of_another_role_change_nothing()
    {
        await using var bot = await StartAsync();

        await bot.PressDataAsync(Young, "sites:new");
        await bot.PressDataAsync(Flagship, "prv:ok:1");
        await bot.PressDataAsync(Coordinator, "cof:join:1");
        await bot.PressDataAsync(Guest, "cof:join:0");
        await bot.PressDataAsync(PendingFlagship, "cof:join:0");
        await bot.PressDataAsync(Coordinator, "nwset:contact:1");
        await bot.PressDataAsync(Guest, "nwset:listed:1");
        await bot.PressDataAsync(Coordinator, "site:j:1");
        await bot.PressDataAsync(Guest, "prac:menu");

        Assert.Equal(9, bot.Telegram.CallbackAnswers.Count);
        Assert.All(bot.Telegram.CallbackAnswers, a => Assert.Contains("Эта кнопка вам недоступна", a.Text));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM peer_participants"));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM network_settings"));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM internship_participants"));
    }
}
