using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Coordination;

/// <summary>The seed's district: flagship schools №1, 2, 4, 29, 30, 35 and young directors of schools №9, 25, 26, 39, 53.</summary>
public sealed class DistrictMatchingTests
{
    private const long Coordinator = 990;
    private static readonly long[] Young = [109, 125, 126, 139, 153];

    public static async Task<BotHarness> SeedDinskoyAsync()
    {
        var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Flagship(1).AtSchool("СОШ № 1").Named("Андреева Анна Андреевна").WithStrengths("legal", "parents").WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Flagship(2).AtSchool("СОШ № 2").Named("Борисов Борис Борисович").WithStrengths("team", "staff").WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Flagship(4).AtSchool("СОШ № 4").Named("Чернова Людмила Викторовна").WithStrengths("quality", "standards").WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Flagship(29).AtSchool("СОШ № 29").Named("Кунаковская Мария Алексеевна").WithStrengths("projects", "finance").WithCapacity(2).SaveAsync(bot);
        await DirectorBuilder.Flagship(30).AtSchool("СОШ № 30").Named("Дмитриев Дмитрий Дмитриевич").WithStrengths("upbringing", "culture").WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Flagship(35).AtSchool("СОШ № 35").Named("Ващенко Светлана Викторовна").WithStrengths("projects", "digital").WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Young(109).AtSchool("СОШ № 9").Named("Егорова Елена Евгеньевна").WithDeficits("legal", "parents").SaveAsync(bot);
        await DirectorBuilder.Young(125).AtSchool("СОШ № 25").Named("Жуков Женя Жоржевич").WithDeficits("team").SaveAsync(bot);
        await DirectorBuilder.Young(126).AtSchool("СОШ № 26").Named("Зайцева Зоя Захаровна").WithDeficits("quality", "standards").SaveAsync(bot);
        await DirectorBuilder.Young(139).AtSchool("СОШ № 39").Named("Ильин Игорь Ильич").WithDeficits("finance", "projects").SaveAsync(bot);
        await DirectorBuilder.Young(153).AtSchool("СОШ № 53").Named("Климова Ксения Кирилловна").WithDeficits("digital").SaveAsync(bot);
        return bot;
    }

    [Fact]
    public async Task The_run_proposes_an_explained_pair_for_every_young_director()
    {
        await using var bot = await SeedDinskoyAsync();

        await bot.SendTextAsync(Coordinator, "/match_district");

        var text = bot.LastText(Coordinator);
        Assert.Contains("Пар: 5, без наставника: 0", text);
        Assert.Contains("Егорова Е. Е. (СОШ № 9) → Андреева А. А. (СОШ № 1)", text);
        Assert.Contains("Жуков Ж. Ж. (СОШ № 25) → Борисов Б. Б. (СОШ № 2)", text);
        Assert.Contains("Зайцева З. З. (СОШ № 26) → Чернова Л. В. (СОШ № 4)", text);
        Assert.Contains("Ильин И. И. (СОШ № 39) → Кунаковская М. А. (СОШ № 29)", text);
        Assert.Contains("Климова К. К. (СОШ № 53) → Ващенко С. В. (СОШ № 35)", text);
        Assert.Contains("флагман закрывает все дефициты молодого директора", text);
        Assert.DoesNotContain("⚠", text);
    }

    [Fact]
    public async Task A_dropped_pair_is_not_proposed_again_and_a_pinned_one_stays()
    {
        await using var bot = await SeedDinskoyAsync();
        await bot.SendTextAsync(Coordinator, "/match_district");

        await bot.PressAsync(Coordinator, "✕ 5");
        var afterDrop = bot.LastText(Coordinator);
        Assert.DoesNotContain("Климова К. К. (СОШ № 53) → Ващенко", afterDrop);

        await bot.PressAsync(Coordinator, "📌 1");
        Assert.Contains("📌", bot.LastText(Coordinator));
        Assert.Equal(2L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM match_run_choices"));

        await bot.PressAsync(Coordinator, "Сбросить правки");
        Assert.Contains("Климова К. К. (СОШ № 53) → Ващенко", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task The_unmatched_are_shown_with_why_and_a_rerun_takes_in_a_new_flagship()
    {
        await using var bot = await SeedDinskoyAsync();
        await DirectorBuilder.Young(160).AtSchool("СОШ № 60").Named("Лебедева Лариса Львовна").WithDeficits("preschool").SaveAsync(bot);
        await bot.SendTextAsync(Coordinator, "/match_district");

        var before = bot.LastText(Coordinator);
        Assert.Contains("Пар: 5, без наставника: 1", before);
        Assert.Contains("Без наставника", before);
        Assert.Contains("• Лебедева Л. Л. (СОШ № 60): никто из флагманов региона не закрывает дефициты молодого директора", before);

        await DirectorBuilder.Flagship(61).AtSchool("Детский сад № 61").Named("Морозова Марина Михайловна").WithStrengths("preschool").WithCapacity(1).SaveAsync(bot);
        await bot.PressAsync(Coordinator, "↻ Пересчитать");

        var after = bot.LastText(Coordinator);
        Assert.Contains("Пар: 6, без наставника: 0", after);
        Assert.Contains("Лебедева Л. Л. (СОШ № 60) → Морозова М. М. (Детский сад № 61)", after);
        Assert.DoesNotContain("Без наставника", after);
    }

    [Fact]
    public async Task Releasing_sends_each_flagship_a_request_once()
    {
        await using var bot = await SeedDinskoyAsync();
        await bot.SendTextAsync(Coordinator, "/match_district");

        await bot.PressAsync(Coordinator, "Разослать запросы");

        Assert.Contains("Запросы разосланы флагманам: 5", bot.LastText(Coordinator));
        Assert.Equal(5L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests WHERE origin = 'Coordinator' AND proposed_by = @Coordinator", new { Coordinator }));
        Assert.Contains("Координатор предлагает вам наставничество", bot.LastText(1));
        var runId = await bot.ScalarAsync<long>("SELECT id FROM match_runs");
        await bot.PressDataAsync(Coordinator, $"mrun:go:{runId}");
        Assert.Equal(5L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));

        await bot.SendTextAsync(Coordinator, "/match_district");
        Assert.Contains("нет молодых директоров без наставника", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task Another_districts_coordinator_cannot_touch_the_run()
    {
        await using var bot = await SeedDinskoyAsync();
        await CoordinatorSeed.AddAsync(bot, 991, "goryachy-klyuch");
        await bot.SendTextAsync(Coordinator, "/match_district");
        var runId = await bot.ScalarAsync<long>("SELECT id FROM match_runs");

        foreach (var data in new[] { $"mrun:go:{runId}", $"mrun:d:{runId}:109:1", $"mrun:p:{runId}:109:1", $"mrun:c:{runId}" })
        {
            await bot.PressDataAsync(991, data);
            await bot.PressDataAsync(109, data);
        }

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM match_run_choices"));
        Assert.Equal("Draft", await bot.ScalarAsync<string>("SELECT status FROM match_runs"));
    }
}
