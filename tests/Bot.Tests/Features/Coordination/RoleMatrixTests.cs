using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Coordination;

/// <summary>Every coordinator action tried by every other role, and by a coordinator of another district: all refused.</summary>
public sealed class RoleMatrixTests
{
    private const long Applicant = 5001;
    private const long Young = 5101;
    private const long Flagship = 5102;
    private const long PendingFlagship = 5103;
    private const long Guest = 5104;
    private const long OtherDistrictCoordinator = 5105;

    public static TheoryData<long> Outsiders => new() { Young, Flagship, PendingFlagship, Guest, OtherDistrictCoordinator };

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Flagship(Applicant).Pending().SaveAsync(bot);
        await DirectorBuilder.Young(Young).SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).SaveAsync(bot);
        await DirectorBuilder.Flagship(PendingFlagship).Pending().InDistrict("goryachy-klyuch").SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, OtherDistrictCoordinator, "goryachy-klyuch");
        return bot;
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Approving_or_rejecting_by_an_outsider_is_refused(long caller)
    {
        await using var bot = await StartAsync();

        await bot.PressDataAsync(caller, $"appr:ok:{Applicant}");
        await bot.PressDataAsync(caller, $"appr:no:{Applicant}");

        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM people WHERE user_id = @Applicant", new { Applicant }));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
        Assert.All(bot.Telegram.CallbackAnswers, a => Assert.Contains("Эта кнопка вам недоступна", a.Text));
        Assert.Empty(bot.TextsIn(Applicant));
    }

    [Theory]
    [InlineData(Young)]
    [InlineData(Flagship)]
    [InlineData(PendingFlagship)]
    [InlineData(Guest)]
    public async Task Coordinator_commands_are_refused_to_other_roles(long caller)
    {
        await using var bot = await StartAsync();

        foreach (var command in new[] { "/approvals", "/invite" })
        {
            await bot.SendTextAsync(caller, command);
            Assert.Contains("недоступна", bot.LastText(caller));
        }
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM invites"));
    }

    [Fact]
    public async Task A_coordinator_of_another_district_does_not_see_its_applicants()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(OtherDistrictCoordinator, "/approvals");

        var texts = string.Join("\n", bot.TextsIn(OtherDistrictCoordinator));
        Assert.DoesNotContain($"Флагман Директор {Applicant}", texts);
        Assert.Contains($"Флагман Директор {PendingFlagship}", texts);
    }

    [Fact]
    public async Task A_forged_invite_district_outside_the_coordinators_scope_is_refused()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(OtherDistrictCoordinator, "/invite");
        await bot.PressAsync(OtherDistrictCoordinator, "Директора-флагмана");

        await bot.PressDataAsync(OtherDistrictCoordinator, "invite:district:dinskoy");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM invites"));
    }

    [Fact]
    public async Task A_pending_flagship_has_no_flagship_commands_in_help()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(PendingFlagship, "/help");

        Assert.Contains("/profile", bot.LastText(PendingFlagship));
        Assert.DoesNotContain("/approvals", bot.LastText(PendingFlagship));
        Assert.DoesNotContain("/invite", bot.LastText(PendingFlagship));
    }
}
