using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class PracticeTests
{
    private const long Author = 3401;
    private const long Young = 3402;
    private const long Coordinator = 3490;
    private const long OtherCoordinator = 3491;
    private const string Title = "Совместный педсовет двух школ по обновлённым ФГОС";

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Flagship(Author).Named("Петров Сергей Иванович").AtSchool("Гимназия № 1").SaveAsync(bot);
        await DirectorBuilder.Young(Young).WithDeficits("legal", "team").SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await CoordinatorSeed.AddAsync(bot, OtherCoordinator, "goryachy-klyuch");
        return bot;
    }

    private static async Task<long> PublishAsync(BotHarness bot)
    {
        await bot.SendTextAsync(Author, "/publish_practice");
        await bot.SendTextAsync(Author, Title);
        await bot.PressAsync(Author, "Правовые вопросы");
        await bot.PressAsync(Author, "Готово");
        await bot.SendTextAsync(Author, "Провели общий педсовет: выступили оба директора.\nРезультат: план перехода на ФГОС.");
        await bot.SendTextAsync(Author, "https://school1.example/pedsovet");
        await bot.PressAsync(Author, "Оставить эту школу");
        await bot.PressAsync(Author, "Отправить на проверку");
        return await bot.ScalarAsync<long>("SELECT id FROM practices");
    }

    [Fact]
    public async Task A_practice_is_shown_only_after_a_coordinator_of_its_district_approves_it()
    {
        await using var bot = await StartAsync();
        var id = await PublishAsync(bot);

        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM practices WHERE id = @id", new { id }));
        Assert.Contains("на проверку", bot.LastText(Author));
        Assert.Contains(Title, bot.LastText(Coordinator));
        Assert.Empty(bot.TextsIn(OtherCoordinator));
        await bot.SendTextAsync(Young, "/practices");
        Assert.Contains("пока пусто", bot.LastText(Young));

        await bot.PressDataAsync(OtherCoordinator, $"prv:ok:{id}");
        await bot.PressDataAsync(Young, $"prv:ok:{id}");
        await bot.PressDataAsync(Young, $"prac:o:{id}");
        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM practices WHERE id = @id", new { id }));
        Assert.DoesNotContain(Title, bot.LastText(Young));

        await bot.PressAsync(Coordinator, "Опубликовать");

        Assert.Equal("Approved", await bot.ScalarAsync<string>("SELECT status FROM practices WHERE id = @id", new { id }));
        Assert.Contains("одобрена", bot.LastText(Author));
        await bot.SendTextAsync(Young, "/practices");
        await bot.PressAsync(Young, "локальные акты (1)");
        Assert.Contains(Title, bot.LastText(Young));
        await bot.PressAsync(Young, "Открыть 1");
        Assert.Contains("https://school1.example/pedsovet", bot.LastText(Young));
        Assert.Contains("план перехода на ФГОС", bot.LastText(Young));

        await bot.PressDataAsync(Coordinator, $"prv:ok:{id}");
        Assert.Contains("уже рассмотрели", bot.Telegram.CallbackAnswers.Last().Text);
    }

    [Fact]
    public async Task A_rejected_practice_tells_the_author_why_and_stays_hidden()
    {
        await using var bot = await StartAsync();
        var id = await PublishAsync(bot);

        await bot.SendTextAsync(Coordinator, "/review_practices");
        await bot.PressAsync(Coordinator, "Отклонить");
        await bot.SendTextAsync(Coordinator, "Нет результатов, опишите их");

        Assert.Equal(("Rejected", "Нет результатов, опишите их"),
            (await bot.QueryAsync<(string, string)>("SELECT status, rejection_reason FROM practices WHERE id = @id", new { id })).Single());
        Assert.Contains("Нет результатов, опишите их", bot.LastText(Author));
        await bot.SendTextAsync(Young, "/practices");
        Assert.Contains("пока пусто", bot.LastText(Young));
    }

    [Fact]
    public async Task Only_flagships_and_internship_sites_publish_and_every_field_is_checked()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Young, "/publish_practice");
        Assert.Contains("Эта команда вам недоступна", bot.LastText(Young));

        await bot.SendTextAsync(Author, "/publish_practice");
        await bot.SendTextAsync(Author, new string('а', 201));
        Assert.Contains("не больше 200", bot.LastText(Author));
        await bot.SendTextAsync(Author, Title);
        await bot.PressAsync(Author, "Готово");
        Assert.Contains("от 1 до 5", bot.Telegram.CallbackAnswers.Last().Text);
        await bot.PressAsync(Author, "Правовые вопросы");
        await bot.PressAsync(Author, "Готово");
        await bot.SendTextAsync(Author, new string('б', 3001));
        Assert.Contains("не больше 3000", bot.LastText(Author));
        await bot.SendTextAsync(Author, new string('б', 3000));
        foreach (var bad in new[] { "javascript:alert(1)", "ftp://school1.example/x", "school1.example", "https://user:pw@school1.example/" })
        {
            await bot.SendTextAsync(Author, bad);
            Assert.Contains("не похоже на ссылку", bot.LastText(Author));
        }
        await bot.PressAsync(Author, "Пропустить");
        await bot.SendTextAsync(Author, "Школа <b>№ 1</b>");
        Assert.Contains("Школа &lt;b&gt;№ 1&lt;/b&gt;", bot.Telegram.In(Author).Last().Html);

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM practices"));
        await bot.PressAsync(Author, "Отправить на проверку");
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM practices WHERE link IS NULL AND length(description) = 3000"));
    }

    [Fact]
    public async Task Cancelling_midway_stores_nothing()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Author, "/publish_practice");
        await bot.SendTextAsync(Author, Title);
        await bot.SendTextAsync(Author, "/cancel");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM practices"));
        Assert.Empty(bot.TextsIn(Coordinator));
    }

    [Fact]
    public async Task Pages_of_the_bank_hold_ten_practices_and_refuse_a_forged_page()
    {
        await using var bot = await StartAsync();
        await bot.InScopeAsync(async services =>
        {
            var practices = services.GetRequiredService<PracticeRepository>();
            for (var i = 1; i <= 12; i++)
            {
                var id = await practices.CreateAsync(new NewPractice(Author, "Гимназия № 1", "dinskoy", $"Практика {i:00}", "Описание", null, ["team"]), TestClock.DefaultStart.AddMinutes(i));
                await practices.ReviewAsync(id, PracticeStatus.Approved, Coordinator, null, TestClock.DefaultStart);
            }
        });

        await bot.SendTextAsync(Young, "/practices");
        await bot.PressAsync(Young, "делегирование полномочий (12)");
        var first = bot.LastText(Young);
        await bot.PressAsync(Young, "Далее");

        Assert.Equal(10, Enumerable.Range(1, 12).Count(i => first.Contains($"Практика {i:00}")));
        Assert.Contains("Практика 12", first);
        Assert.Contains("Практика 02", bot.LastText(Young));
        Assert.Contains("страница 2 из 2", bot.LastText(Young));
        await bot.PressDataAsync(Young, "prac:c:team:3");
        await bot.PressDataAsync(Young, "prac:c:nosuchcode:1");
        Assert.All(bot.Telegram.CallbackAnswers.TakeLast(2), a => Assert.Contains("неактуальна", a.Text));
    }
}
