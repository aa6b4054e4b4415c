using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Schools;

/// <summary>Profiles that name a registry school bring its coordinates to the matching engine.</summary>
public sealed class RegistryDistanceTests
{
    private const long Coordinator = 8200;
    private const long Young = 8210;
    private const long Flagship = 8211;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        // School 1 and school 9 are about 8 km apart (0.07° of latitude).
        await SchoolFiles.ImportAsync(bot, Coordinator, SchoolFiles.Csv(
            SchoolFiles.Row("1", status: "флагман", latitude: "45,28", longitude: "39,22"),
            SchoolFiles.Row("9", status: "молодой директор", latitude: "45,21", longitude: "39,22")));
        await DirectorBuilder.Young(Young).WithDeficits("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).Named("Петров Сергей Иванович").WithStrengths("legal").SaveAsync(bot);
        return bot;
    }

    private static Task SetSchoolAsync(BotHarness bot, long userId, string? number) =>
        bot.InScopeAsync(services => services.GetRequiredService<DbSession>()
            .ExecuteAsync("UPDATE people SET school_number = @Number WHERE user_id = @UserId", new { Number = number, UserId = userId }));

    [Fact]
    public async Task With_both_schools_in_the_registry_the_reason_states_the_distance_in_suggestions_and_the_district_run()
    {
        await using var bot = await StartAsync();
        await SetSchoolAsync(bot, Young, "9");
        await SetSchoolAsync(bot, Flagship, "1");

        await bot.SendTextAsync(Young, "/find_mentor");
        Assert.Contains("тот же район, в 8 км", bot.LastText(Young));

        await bot.SendTextAsync(Coordinator, "/match_district");
        Assert.Contains("в 8 км", string.Join("\n", bot.TextsIn(Coordinator)));
    }

    [Fact]
    public async Task Without_coordinates_on_one_side_the_district_rule_stays()
    {
        await using var bot = await StartAsync();
        await SetSchoolAsync(bot, Young, "9");

        await bot.SendTextAsync(Young, "/find_mentor");

        Assert.Contains("тот же район", bot.LastText(Young));
        Assert.DoesNotContain(" км", bot.LastText(Young));
        await using var scope = bot.Services.CreateAsyncScope();
        var young = await scope.ServiceProvider.GetRequiredService<PeopleRepository>().FindAsync(Young);
        Assert.Equal(("9", 45.21), (young!.SchoolNumber, young.Location!.Value.Latitude));
    }

    [Fact]
    public async Task Editing_the_school_by_hand_drops_the_registry_link()
    {
        await using var bot = await StartAsync();
        await SetSchoolAsync(bot, Young, "9");
        await bot.InScopeAsync(async services =>
        {
            var people = services.GetRequiredService<PeopleRepository>();
            var profile = (await people.FindAsync(Young))!;
            await people.SaveAsync(profile with { Position = "директор школы" });
        });
        Assert.Equal("9", await bot.ScalarAsync<string>("SELECT school_number FROM people WHERE user_id = @Young", new { Young }));

        await bot.SendTextAsync(Young, "/profile");
        await bot.PressAsync(Young, "Школа");
        await bot.SendTextAsync(Young, "МБОУ СОШ № 100");

        Assert.Null(await bot.ScalarAsync<string?>("SELECT school_number FROM people WHERE user_id = @Young", new { Young }));
        Assert.Equal(DirectorRole.Young, (await bot.QueryAsync<string>("SELECT role FROM people WHERE user_id = @Young", new { Young })).Select(Enum.Parse<DirectorRole>).Single());
    }
}
