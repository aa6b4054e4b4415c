using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class ContactTests
{
    private const long Asker = 3300;
    private const long Flagship = 3301;
    private const long Open = 3302;
    private const long Stranger = 3303;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Asker).Named("Иванова Мария Петровна").WithUsername("ivanova_mp").SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).Named("Петров Сергей Иванович").WithUsername("petrov_si").AtSchool("Гимназия № 1").SaveAsync(bot);
        await DirectorBuilder.Flagship(Open).Named("Сидорова Анна Павловна").WithUsername("sidorova_ap").AtSchool("Лицей № 2").SaveAsync(bot);
        await DirectorBuilder.Young(Stranger).SaveAsync(bot);
        await bot.SendTextAsync(Open, "/network");
        await bot.PressAsync(Open, "Разрешить давать мой контакт");
        return bot;
    }

    private static string AllHtml(BotHarness bot, long chat) => string.Join("\n", bot.Telegram.In(chat).Select(m => m.Html));

    [Fact]
    public async Task Search_results_never_carry_a_contact_link()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Asker, "/find");
        await bot.PressAsync(Asker, "По району");
        await bot.PressAsync(Asker, "Динской район");

        var html = AllHtml(bot, Asker);
        Assert.Contains("Гимназия № 1", html);
        Assert.Contains("Лицей № 2", html);
        Assert.DoesNotContain("tg://", html);
        Assert.DoesNotContain("petrov_si", html);
        Assert.DoesNotContain("sidorova_ap", html);
    }

    [Fact]
    public async Task Write_to_someone_who_did_not_allow_contact_sends_an_introduction_and_no_link()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Asker, "/find гимназия");

        await bot.PressAsync(Asker, "Написать: Петров");

        Assert.Contains("запрос на знакомство", bot.LastText(Asker));
        Assert.DoesNotContain($"tg://user?id={Flagship}", AllHtml(bot, Asker));
        Assert.DoesNotContain("petrov_si", AllHtml(bot, Asker));
        Assert.Contains("Иванова Мария Петровна", bot.LastText(Flagship));
        Assert.DoesNotContain("tg://", bot.Telegram.In(Flagship).Last().Html);

        await bot.PressAsync(Asker, "Написать: Петров");
        Assert.Contains("уже отправлен", bot.Telegram.CallbackAnswers.Last().Text);
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM introductions"));
    }

    [Fact]
    public async Task Accepting_an_introduction_gives_both_their_contacts()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Asker, "/find гимназия");
        await bot.PressAsync(Asker, "Написать: Петров");

        await bot.PressAsync(Flagship, "Познакомиться");

        Assert.Contains($"tg://user?id={Flagship}", bot.Telegram.In(Asker).Last().Html);
        Assert.Contains("@petrov_si", bot.LastText(Asker));
        Assert.Contains($"tg://user?id={Asker}", bot.Telegram.In(Flagship).Last().Html);
        Assert.Contains("@ivanova_mp", bot.LastText(Flagship));
    }

    [Fact]
    public async Task Declining_tells_the_asker_politely_and_keeps_the_contact()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Asker, "/find гимназия");
        await bot.PressAsync(Asker, "Написать: Петров");

        await bot.PressAsync(Flagship, "Не сейчас");
        await bot.PressAsync(Asker, "Написать: Петров");

        Assert.Contains("сейчас не может познакомиться", bot.LastText(Asker));
        Assert.Contains("уже ответил", bot.Telegram.CallbackAnswers.Last().Text);
        Assert.DoesNotContain("tg://", AllHtml(bot, Asker));
        Assert.DoesNotContain("petrov_si", AllHtml(bot, Asker));
    }

    [Fact]
    public async Task Someone_who_allowed_contact_is_reached_at_once()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Asker, "/find лицей");

        await bot.PressAsync(Asker, "Написать: Сидорова");

        Assert.Contains($"tg://user?id={Open}", bot.Telegram.In(Asker).Last().Html);
        Assert.Contains("@sidorova_ap", bot.LastText(Asker));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM introductions"));
    }

    [Fact]
    public async Task Forged_buttons_neither_answer_others_introductions_nor_reach_hidden_people()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Asker, "/find гимназия");
        await bot.PressAsync(Asker, "Написать: Петров");
        var introduction = await bot.ScalarAsync<long>("SELECT id FROM introductions");
        await bot.SendTextAsync(Open, "/network");
        await bot.PressAsync(Open, "Скрыть меня из поиска");

        await bot.PressDataAsync(Stranger, $"nw:ok:{introduction}");
        await bot.PressDataAsync(Asker, $"nw:ok:{introduction}");
        await bot.PressDataAsync(Stranger, $"nw:w:{Open}");
        await bot.PressDataAsync(5999, $"nw:w:{Flagship}");

        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM introductions WHERE id = @introduction", new { introduction }));
        Assert.DoesNotContain("tg://", AllHtml(bot, Stranger));
        Assert.DoesNotContain("tg://", AllHtml(bot, Asker));
        Assert.Empty(bot.TextsIn(5999));
        var answers = bot.Telegram.CallbackAnswers.TakeLast(4).Select(a => a.Text).ToList();
        Assert.Contains("не ваш запрос", answers[0]);
        Assert.Contains("не ваш запрос", answers[1]);
        Assert.Contains("больше не доступен", answers[2]);
        Assert.Contains("недоступна", answers[3]);
    }
}
