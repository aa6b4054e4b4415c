using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Schools;

/// <summary>Registration offers the district registry's schools for what the director types.</summary>
public sealed class RegistrationFromRegistryTests
{
    private const long Coordinator = 8300;
    private const long Director = 8310;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await SchoolFiles.ImportAsync(bot, Coordinator, SchoolFiles.Csv(
            SchoolFiles.Row("1", settlement: "г. Образцов", kind: "город", size: "большая", status: "флагман"),
            SchoolFiles.Row("9", settlement: "пос. Образцовый", kind: "село", size: "малая", status: "молодой директор"),
            SchoolFiles.Row("39", settlement: "пос. Образцовый", kind: "село", size: "малая", status: "молодой директор")));
        return bot;
    }

    private static async Task BeginAsync(BotHarness bot, string role)
    {
        await RegistrationScript.ConsentAsync(bot, Director);
        await bot.PressAsync(Director, role);
        await bot.SendTextAsync(Director, "Смирнова Ольга Викторовна");
        await bot.SendTextAsync(Director, "директор");
    }

    /// <summary>One year as director, one deficit, nothing offered, no note, then save.</summary>
    private static async Task FinishYoungAsync(BotHarness bot)
    {
        await bot.SendTextAsync(Director, "1");
        await bot.PressAsync(Director, "Правовые вопросы");
        await bot.PressAsync(Director, "Готово");
        await bot.PressAsync(Director, "Пропустить");
        await bot.PressAsync(Director, "Пропустить");
        await bot.PressAsync(Director, "Сохранить");
    }

    private static Task<(string? Number, string School, string District, string Settlement, string Kind, string Size)> StoredAsync(BotHarness bot) =>
        bot.QueryAsync<(string?, string, string, string, string, string)>(
            "SELECT school_number, school, district, settlement, settlement_kind, size_band FROM people WHERE user_id = @Director", new { Director })
        .ContinueWith(t => t.Result.Single());

    [Fact]
    public async Task The_director_types_part_of_the_name_chooses_a_match_and_the_registry_fills_the_school()
    {
        await using var bot = await StartAsync();
        await BeginAsync(bot, "молодой директор");

        await bot.SendTextAsync(Director, "СОШ № 9");
        var offer = bot.Telegram.In(Director)[^1];
        Assert.Contains("В реестре школ по запросу «СОШ № 9» нашлось", offer.Text);
        Assert.Equal(["№9 — МБОУ СОШ № 9 (образец), пос. Образцовый (Динской район)", "Моей школы нет в списке"],
            offer.Buttons.Select(b => b.Text).Take(2));

        await bot.PressAsync(Director, "№9 —");
        // Settlement, its kind and the size came from the registry: the next question is the school's status.
        await bot.PressAsync(Director, "ШНОР");
        await FinishYoungAsync(bot);

        Assert.Equal(("9", "МБОУ СОШ № 9 (образец)", "dinskoy", "пос. Образцовый", "Rural", "Small"), await StoredAsync(bot));
        Assert.DoesNotContain(bot.TextsIn(Coordinator), t => t.Contains("нет в реестре", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_school_missing_from_the_registry_is_typed_by_hand_and_the_coordinator_is_asked_to_add_it()
    {
        await using var bot = await StartAsync();
        await BeginAsync(bot, "молодой директор");

        await bot.SendTextAsync(Director, "3");
        Assert.Contains("№39 —", string.Join(" ", bot.Telegram.In(Director)[^1].Buttons.Select(b => b.Text)));
        await bot.PressAsync(Director, "Моей школы нет в списке");
        await bot.PressAsync(Director, "Динской район");
        await bot.SendTextAsync(Director, "ст. Динская");
        await bot.PressAsync(Director, "Сельская");
        await bot.PressAsync(Director, "до 300");
        await bot.PressAsync(Director, "ШНОР");
        await FinishYoungAsync(bot);

        Assert.Equal((null, "Школа № 3", "dinskoy", "ст. Динская", "Rural", "Small"), await StoredAsync(bot));
        var notice = bot.LastText(Coordinator);
        Assert.Contains("В анкете указана школа, которой нет в реестре школ (Динской район).", notice);
        Assert.Contains("Директор: Смирнова Ольга Викторовна", notice);
        Assert.Contains("Школа в анкете: Школа № 3", notice);
    }

    [Fact]
    public async Task A_flagship_of_a_school_the_registry_marks_flagship_still_waits_for_approval_and_the_card_says_so()
    {
        await using var bot = await StartAsync();
        await BeginAsync(bot, "директор-флагман");
        await bot.SendTextAsync(Director, "1");
        await bot.PressAsync(Director, "№1 —");
        await bot.PressAsync(Director, "Нет");
        await bot.SendTextAsync(Director, "15");
        await bot.PressAsync(Director, "Правовые вопросы");
        await bot.PressAsync(Director, "Готово");
        await bot.PressAsync(Director, "3");
        await bot.PressAsync(Director, "Пропустить");
        await bot.PressAsync(Director, "Пропустить");
        await bot.PressAsync(Director, "Сохранить");

        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM people WHERE user_id = @Director", new { Director }));
        Assert.Contains("По реестру района школа №1 — флагманская.", bot.LastText(Coordinator));
        await bot.SendTextAsync(Coordinator, "/approvals");
        var card = bot.Telegram.In(Coordinator)[^1];
        Assert.Contains("По реестру района школа №1 — флагманская. Подтверждение анкеты всё равно за вами.", card.Text);
        Assert.Contains(card.Buttons, b => b.Text.Contains("Подтвердить", StringComparison.Ordinal));
    }
}
