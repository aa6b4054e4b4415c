using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class SearchTests
{
    private const long Searcher = 3100;
    private const long Korolev = 3101;
    private const long Yolochka = 3102;
    private const long Hidden = 3103;
    private const long PendingFlagship = 3104;
    private const long Rejected = 3105;
    private const long ShyYoung = 3106;
    private const long OpenYoung = 3107;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Searcher).SaveAsync(bot);
        await DirectorBuilder.Flagship(Korolev).AtSchool("МАОУ СОШ № 7 имени С. П. Королёва").WithStrengths("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(Yolochka).AtSchool("Лицей «Ёлочка»").WithStrengths("finance").SaveAsync(bot);
        await DirectorBuilder.Flagship(Hidden).AtSchool("Лицей «Скрытый»").WithStrengths("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(PendingFlagship).AtSchool("Лицей «Ожидающий»").WithStrengths("legal").Pending().SaveAsync(bot);
        await DirectorBuilder.Flagship(Rejected).AtSchool("Лицей «Отклонённый»").WithStrengths("legal").Pending().SaveAsync(bot);
        await bot.QueryAsync<long>("UPDATE people SET status = 'Rejected' WHERE user_id = @Rejected", new { Rejected });
        await DirectorBuilder.Young(ShyYoung).AtSchool("Лицей «Тихий»").WithOffers("legal").SaveAsync(bot);
        await DirectorBuilder.Young(OpenYoung).AtSchool("Лицей «Открытый»").WithOffers("legal").SaveAsync(bot);
        await bot.SendTextAsync(OpenYoung, "/network");
        await bot.PressAsync(OpenYoung, "Показывать меня в поиске");
        await bot.SendTextAsync(Hidden, "/network");
        await bot.PressAsync(Hidden, "Скрыть меня из поиска");
        return bot;
    }

    [Theory]
    [InlineData("королев")]
    [InlineData("КОРОЛЁВА")]
    [InlineData("Королёв")]
    [InlineData("сош №7")]
    public async Task Free_text_folds_Cyrillic_case_and_reads_yo_as_ye(string query)
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Searcher, $"/find {query}");

        Assert.Contains("СОШ № 7 имени С. П. Королёва", bot.LastText(Searcher));
        Assert.DoesNotContain("Ёлочка", bot.LastText(Searcher));
    }

    [Fact]
    public async Task A_query_with_ye_finds_a_school_written_with_yo()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Searcher, "/find ЕЛОЧКА");

        Assert.Contains("Лицей «Ёлочка»", bot.LastText(Searcher));
        Assert.Contains("найдено: 1", bot.LastText(Searcher));
    }

    [Fact]
    public async Task Free_text_finds_words_of_the_note_too_and_needs_every_word()
    {
        await using var bot = await StartAsync();
        await DirectorBuilder.Flagship(3108).AtSchool("Гимназия № 3").WithNote("Провожу семинары по ВСОКО и Точке роста").SaveAsync(bot);

        await bot.SendTextAsync(Searcher, "/find ВСОКО семинары");
        var byNote = bot.LastText(Searcher);
        await bot.SendTextAsync(Searcher, "/find гимназия ёлочка");

        Assert.Contains("Гимназия № 3", byNote);
        Assert.Contains("найдено: 1", byNote);
        Assert.Contains("Никого не нашлось", bot.LastText(Searcher));
    }

    [Fact]
    public async Task A_profile_edited_after_a_search_is_found_by_its_new_words()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Searcher, "/find ёлочка");

        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.QueryAsync<long>("UPDATE people SET school = 'Гимназия «Берёзка»', updated_at = @Now WHERE user_id = @Yolochka",
            new { Now = bot.Clock.GetUtcNow().ToUnixTimeMilliseconds(), Yolochka });
        await bot.SendTextAsync(Searcher, "/find березка");

        Assert.Contains("Гимназия «Берёзка»", bot.LastText(Searcher));
        await bot.SendTextAsync(Searcher, "/find ёлочка");
        Assert.Contains("Никого не нашлось", bot.LastText(Searcher));
    }

    [Theory]
    [InlineData("Динская")]
    [InlineData("динская")]
    [InlineData("динск")]
    [InlineData("ст. динская лицей")]
    public async Task Free_text_finds_the_settlement_of_the_school(string query)
    {
        await using var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Searcher).InSettlement("г. Краснодар").SaveAsync(bot);
        await DirectorBuilder.Flagship(Korolev).AtSchool("Лицей № 1").InSettlement("ст. Динская").SaveAsync(bot);
        await DirectorBuilder.Flagship(Yolochka).AtSchool("Лицей «Ёлочка»").InSettlement("х. Красный Сад").SaveAsync(bot);

        await bot.SendTextAsync(Searcher, $"/find {query}");

        var found = bot.LastText(Searcher);
        Assert.Contains("найдено: 1", found);
        Assert.Contains("Лицей № 1, ст. Динская, Динской район", found);
        Assert.DoesNotContain("Ёлочка", found);
    }

    [Fact]
    public async Task A_moved_school_is_found_by_its_new_settlement_only()
    {
        await using var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Searcher).InSettlement("г. Краснодар").SaveAsync(bot);
        await DirectorBuilder.Flagship(Korolev).AtSchool("Лицей № 1").InSettlement("ст. Динская").SaveAsync(bot);
        await bot.SendTextAsync(Searcher, "/find динская");

        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.QueryAsync<long>("UPDATE people SET settlement = 'пос. Южный', updated_at = @Now WHERE user_id = @Korolev",
            new { Now = bot.Clock.GetUtcNow().ToUnixTimeMilliseconds(), Korolev });
        await bot.SendTextAsync(Searcher, "/find динская");
        var byOld = bot.LastText(Searcher);
        await bot.SendTextAsync(Searcher, "/find южный");

        Assert.Contains("Никого не нашлось", byOld);
        Assert.Contains("Лицей № 1, пос. Южный", bot.LastText(Searcher));
    }

    [Fact]
    public async Task Opted_out_pending_rejected_and_unwilling_profiles_are_never_shown()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Searcher, "/find лицей");
        await bot.SendTextAsync(Searcher, "/find");
        await bot.PressAsync(Searcher, "По компетенции");
        await bot.PressAsync(Searcher, "Правовые вопросы");
        await bot.SendTextAsync(Searcher, "/find");
        await bot.PressAsync(Searcher, "По району");
        await bot.PressAsync(Searcher, "Динской район");

        var seen = string.Join("\n", bot.TextsIn(Searcher));
        Assert.Contains("Лицей «Открытый»", seen);
        Assert.Contains("Лицей «Ёлочка»", seen);
        foreach (var never in new[] { "Скрытый", "Ожидающий", "Отклонённый", "Тихий" })
        {
            Assert.DoesNotContain(never, seen);
        }
    }

    [Fact]
    public async Task Results_come_ten_a_page_with_checked_previous_and_next_buttons()
    {
        await using var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Searcher).SaveAsync(bot);
        for (var i = 1; i <= 23; i++)
        {
            await DirectorBuilder.Flagship(3200 + i).InDistrict("goryachy-klyuch").AtSchool($"Школа-{i:00}").SaveAsync(bot);
        }

        await bot.SendTextAsync(Searcher, "/find");
        await bot.PressAsync(Searcher, "По району");
        await bot.PressAsync(Searcher, "Горячий Ключ");
        var first = bot.LastText(Searcher);
        await bot.PressAsync(Searcher, "Далее");
        var second = bot.LastText(Searcher);
        await bot.PressAsync(Searcher, "Далее");
        var third = bot.LastText(Searcher);
        await bot.PressAsync(Searcher, "‹ Назад");

        Assert.Contains("найдено: 23, страница 1 из 3", first);
        Assert.Equal(10, Enumerable.Range(1, 23).Count(i => first.Contains($"Школа-{i:00}")));
        Assert.Contains("страница 2 из 3", second);
        Assert.Equal(Enumerable.Range(11, 10), Enumerable.Range(1, 23).Where(i => second.Contains($"Школа-{i:00}")));
        Assert.Equal(Enumerable.Range(21, 3), Enumerable.Range(1, 23).Where(i => third.Contains($"Школа-{i:00}")));
        Assert.Contains("страница 2 из 3", bot.LastText(Searcher));
        var lastButtons = bot.Telegram.In(Searcher).Last().Buttons.Select(b => b.Text).ToList();
        Assert.Contains("‹ Назад", lastButtons);
        Assert.Contains("Далее ›", lastButtons);

        var stamp = await bot.ScalarAsync<long>("SELECT stamp FROM network_searches WHERE user_id = @Searcher", new { Searcher });
        var answers = bot.Telegram.CallbackAnswers.Count;
        await bot.PressDataAsync(Searcher, $"find:p:{stamp}:4");
        await bot.PressDataAsync(Searcher, $"find:p:{stamp}:0");
        await bot.PressDataAsync(Searcher, $"find:p:{stamp - 1}:2");
        Assert.All(bot.Telegram.CallbackAnswers.Skip(answers), a => Assert.Contains("неактуальна", a.Text));
    }

    [Fact]
    public async Task Guests_and_flagships_awaiting_approval_cannot_search()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(5999, "/find лицей");
        await bot.SendTextAsync(PendingFlagship, "/find лицей");
        await bot.PressDataAsync(5999, "find:c:legal");

        Assert.Contains("недоступна", bot.LastText(5999));
        Assert.Contains("недоступна", bot.LastText(PendingFlagship));
        Assert.Contains("недоступна", bot.Telegram.CallbackAnswers.Last().Text);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM network_searches"));
    }

    [Fact]
    public async Task A_coordinator_without_a_profile_searches_too()
    {
        await using var bot = await StartAsync();
        await CoordinatorSeed.AddAsync(bot, 3900, "dinskoy");

        await bot.SendTextAsync(3900, "/find ёлочка");

        Assert.Contains("Лицей «Ёлочка»", bot.LastText(3900));
    }
}
