using System.Text.RegularExpressions;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Journeys;

/// <summary>/help per role lists exactly the commands that work; a young director who takes a flagship invite is asked first.</summary>
public sealed partial class RoleJourneyTests
{
    private const long Guest = 2001;
    private const long Young = 2101;
    private const long SiteHost = 2102;
    private const long Pending = 2103;
    private const long Flagship = 2201;
    private const long Coordinator = 2901;

    public static TheoryData<long> People => [Guest, Young, SiteHost, Pending, Flagship, Coordinator];

    [Theory]
    [MemberData(nameof(People))]
    public async Task Help_lists_exactly_the_commands_that_work_for_the_caller(long person)
    {
        await using var bot = await BotHarness.StartAsync();
        await SeedRolesAsync(bot);
        var journey = new Journey(bot, person);
        var refusals = new[] { Html.ToPlainText(Texts.NotAllowed.Value), Html.ToPlainText(NetworkingTexts.NotAPublisher.Value) };

        await journey.SendAsync(person, "/help");
        var listed = HelpLine().Matches(journey.Last(person)).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(listed);

        foreach (var name in bot.Services.GetRequiredService<RouteTable>().Commands.Keys.Where(n => n is not ("start" or "cancel" or "help")))
        {
            var before = journey.Count(person);
            await journey.SendAsync(person, "/" + name);
            var answer = journey.Since(person, before);
            if (listed.Contains(name))
            {
                Assert.DoesNotContain(refusals, r => answer.Contains(r, StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains(refusals[0], answer);
            }
            await bot.SendTextAsync(person, "/cancel");
        }
    }

    [Fact]
    public async Task Publish_practice_is_offered_to_a_young_director_only_while_their_school_hosts_an_internship_site()
    {
        await using var bot = await BotHarness.StartAsync();
        await SeedRolesAsync(bot);

        await bot.SendTextAsync(Young, "/help");
        Assert.DoesNotContain("/publish_practice", bot.LastText(Young));
        await bot.SendTextAsync(SiteHost, "/help");
        Assert.Contains("/publish_practice", bot.LastText(SiteHost));
        await bot.SendTextAsync(Flagship, "/help");
        Assert.Contains("/publish_practice", bot.LastText(Flagship));
    }

    [Fact]
    public async Task A_young_director_who_opens_a_flagship_invite_confirms_then_their_request_is_withdrawn_and_the_coordinator_told()
    {
        await using var bot = await BotHarness.StartAsync();
        await SeedRolesAsync(bot);
        var journey = new Journey(bot, Young, Flagship, Coordinator);
        await journey.SendAsync(Young, "/find_mentor");
        await journey.PressAsync(Young, "Запрос: Петров");
        var code = await InviteAsync(journey);

        await journey.SendAsync(Young, "/start " + code);
        Assert.Contains("ваш запрос на наставничество будет отозван (флагман: Петров Сергей Иванович)", journey.Last(Young));
        await journey.PressAsync(Young, "Остаться молодым директором");
        Assert.Contains("вы остаётесь молодым директором", journey.Last(Young));
        Assert.Equal("Young", await bot.ScalarAsync<string>("SELECT role FROM people WHERE user_id = @Young", new { Young }));

        await journey.SendAsync(Young, "/start " + code);
        await journey.PressAsync(Young, "Стать флагманом");
        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        await RegistrationScript.SchoolDataAsync(bot, Young, "Иванова Мария Петровна", districtPreset: true);
        await bot.PressAsync(Young, "Правовые вопросы");
        await bot.PressAsync(Young, "Готово");
        await bot.PressAsync(Young, "3");
        await bot.PressAsync(Young, "Пропустить");
        await bot.PressAsync(Young, "Пропустить");
        await journey.PressAsync(Young, "Сохранить");

        Assert.Contains("вы — директор-флагман", journey.Last(Young));
        Assert.Equal(("Flagship", "Approved"), (await bot.QueryAsync<(string, string)>("SELECT role, status FROM people WHERE user_id = @Young", new { Young })).Single());
        Assert.Equal("Withdrawn", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        Assert.Contains("Запрос на наставничество отозван: автор запроса теперь директор-флагман", journey.Last(Flagship));
        Assert.Contains("По приглашению роль изменена", journey.Last(Coordinator));
    }

    [Fact]
    public async Task A_mentee_in_an_active_partnership_keeps_the_role_when_opening_a_flagship_invite()
    {
        await using var bot = await BotHarness.StartAsync();
        await SeedRolesAsync(bot);
        var journey = new Journey(bot, Young, Flagship, Coordinator);
        await journey.SendAsync(Young, "/find_mentor");
        await journey.PressAsync(Young, "Запрос: Петров");
        await journey.PressAsync(Flagship, "Принять");
        var code = await InviteAsync(journey);

        await journey.SendAsync(Young, "/start " + code);

        Assert.Contains("Пока оно идёт, роль не меняется", journey.Last(Young));
        Assert.Empty(bot.Telegram.In(Young)[^1].Buttons);
        Assert.Contains("роль не изменена до завершения партнёрства", journey.Last(Coordinator));
        Assert.Equal("Young", await bot.ScalarAsync<string>("SELECT role FROM people WHERE user_id = @Young", new { Young }));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM invites WHERE used_by IS NOT NULL"));
    }

    [Fact]
    public async Task The_coordinators_district_matching_speaks_of_the_young_director_not_to_them()
    {
        await using var bot = await BotHarness.StartAsync();
        await SeedRolesAsync(bot);
        await DirectorBuilder.Young(2104).Named("Орлова Мария Петровна").WithDeficits("preschool").SaveAsync(bot);
        var journey = new Journey(bot, Coordinator);

        await journey.SendAsync(Coordinator, "/match_district");
        await journey.SendAsync(Coordinator, "/unmatched");

        var seen = string.Join("\n", bot.TextsIn(Coordinator));
        Assert.Contains("флагман закрывает", seen);
        Assert.Contains("никто из флагманов региона не закрывает дефициты молодого директора", seen);
        Assert.DoesNotContain("ваш", seen, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> InviteAsync(Journey journey)
    {
        await journey.SendAsync(Coordinator, "/invite");
        await journey.PressAsync(Coordinator, "Директора-флагмана");
        await journey.PressAsync(Coordinator, "Динской район");
        return StartCode().Match(journey.Last(Coordinator)).Groups[1].Value;
    }

    private static async Task SeedRolesAsync(BotHarness bot)
    {
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Young(Young).Named("Иванова Мария Петровна").WithDeficits("legal", "team").SaveAsync(bot);
        await DirectorBuilder.Young(SiteHost).Named("Кузнецова Ольга Юрьевна").WithDeficits("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(Pending).Pending().Named("Смирнов Олег Петрович").SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).Named("Петров Сергей Иванович").WithStrengths("legal", "team").SaveAsync(bot);
        await bot.InScopeAsync(services => services.GetRequiredService<InternshipRepository>().CreateAsync(
            new NewInternshipProgramme(SiteHost, "СОШ № 2", "dinskoy", "Школа полного дня", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 1), ["upbringing"]),
            Coordinator, TestClock.DefaultStart));
        // Everyone but the guest has consented, as registration requires.
        foreach (var person in new[] { Young, SiteHost, Pending, Flagship, Coordinator })
        {
            await bot.InScopeAsync(services => services.GetRequiredService<ConsentRepository>().RecordAsync(person, ProfileTexts.ConsentVersion, TestClock.DefaultStart));
        }
    }

    [GeneratedRegex(@"^/([a-z_]+) — ", RegexOptions.Multiline)]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"start=([A-Za-z0-9_-]+)")]
    private static partial Regex StartCode();
}
