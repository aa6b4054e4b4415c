using System.Text.RegularExpressions;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Coordination;

public sealed partial class InviteTests
{
    private const long Coordinator = 6900;
    private const long Invitee = 6001;
    private const long Latecomer = 6002;

    private static async Task<string> CreateInviteAsync(BotHarness bot, string roleButton)
    {
        await bot.SendTextAsync(Coordinator, "/invite");
        await bot.PressAsync(Coordinator, roleButton);
        await bot.PressAsync(Coordinator, "Динской район");
        var match = LinkPattern().Match(bot.LastText(Coordinator));
        Assert.True(match.Success, bot.LastText(Coordinator));
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task A_flagship_invite_registers_a_pre_approved_flagship_in_the_district_and_works_once()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        var code = await CreateInviteAsync(bot, "Директора-флагмана");
        Assert.InRange(code.Length, 16, 64);

        await RegistrationScript.RegisterFlagshipAsync(bot, Invitee, inviteCode: code);

        Assert.Contains("вы — директор-флагман", bot.LastText(Invitee));
        Assert.Equal(("Approved", "dinskoy"), (await bot.QueryAsync<(string, string)>("SELECT status, district FROM people WHERE user_id = @Invitee", new { Invitee })).Single());
        await bot.SendTextAsync(Latecomer, $"/start {code}");
        Assert.Contains("недействительна", bot.LastText(Latecomer));
    }

    [Fact]
    public async Task A_coordinator_invite_makes_a_coordinator_of_that_district()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        var code = await CreateInviteAsync(bot, "Координатора");

        await RegistrationScript.ConsentAsync(bot, Invitee, code);

        Assert.Contains("координатор", bot.LastText(Invitee));
        Assert.Equal("dinskoy", await bot.ScalarAsync<string>("SELECT district FROM coordinator_districts WHERE user_id = @Invitee", new { Invitee }));
        await bot.SendTextAsync(Invitee, "/help");
        Assert.Contains("/approvals", bot.LastText(Invitee));
    }

    [Fact]
    public async Task An_expired_invite_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        var code = await CreateInviteAsync(bot, "Координатора");

        bot.Clock.Advance(TimeSpan.FromDays(8));
        await bot.SendTextAsync(Invitee, $"/start {code}");

        Assert.Contains("недействительна", bot.LastText(Invitee));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM coordinators WHERE user_id = @Invitee", new { Invitee }));
    }

    [Theory]
    [InlineData("forged-code-that-does-not-exist")]
    [InlineData("bad code with spaces")]
    [InlineData("<script>")]
    public async Task A_forged_or_malformed_code_is_refused(string code)
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SendTextAsync(Invitee, $"/start {code}");

        Assert.Contains("недействительна", bot.LastText(Invitee));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM consents"));
    }

    [Fact]
    public async Task A_forged_consent_button_with_an_unknown_code_grants_nothing()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PressDataAsync(Invitee, "consent:y:AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM coordinators"));
        Assert.Contains("недействительна", bot.LastText(Invitee));
    }

    [GeneratedRegex(@"start=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
