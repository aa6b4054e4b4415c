using System.Text;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Coordination;

public sealed class OversightTests
{
    private const long Coordinator = 990;

    private static async Task<BotHarness> WithOnePairAsync()
    {
        var bot = await DistrictMatchingTests.SeedDinskoyAsync();
        await bot.PressDataAsync(109, "req:new:1");
        await bot.PressAsync(1, "Принять");
        return bot;
    }

    [Fact]
    public async Task Pairs_lists_active_partnerships_with_progress_and_activity()
    {
        await using var bot = await WithOnePairAsync();

        await bot.SendTextAsync(Coordinator, "/pairs");

        var text = bot.LastText(Coordinator);
        Assert.Contains("Активные пары: 1", text);
        Assert.Contains("Андреева А. А. (СОШ № 1) — Егорова Е. Е. (СОШ № 9): 23.11.2026–23.11.2027, план 0/0, активность 23.11.2026", text);
    }

    [Fact]
    public async Task Unmatched_lists_young_directors_without_a_mentor_and_why()
    {
        await using var bot = await WithOnePairAsync();
        await bot.PressDataAsync(125, "req:new:2");
        await bot.PressDataAsync(126, "req:coord");

        await bot.SendTextAsync(Coordinator, "/unmatched");

        var text = bot.LastText(Coordinator);
        Assert.Contains("без наставника: 4", text);
        Assert.DoesNotContain("Егорова", text);
        Assert.Contains("Жуков Женя Жоржевич (СОШ № 25): ждёт ответа на запрос (флагман: Борисов Борис Борисович)", text);
        Assert.Contains("Зайцева Зоя Захаровна (СОШ № 26): просит координатора подобрать наставника", text);
        Assert.Contains("Ильин Игорь Ильич (СОШ № 39): запрос ещё не отправлен; лучший вариант — Кунаковская Мария Алексеевна", text);
    }

    [Fact]
    public async Task Pending_shows_approvals_and_requests_waiting_over_48_hours()
    {
        await using var bot = await DistrictMatchingTests.SeedDinskoyAsync();
        await DirectorBuilder.Flagship(40).Pending().SaveAsync(bot);
        await bot.PressDataAsync(125, "req:new:2");
        bot.Clock.Advance(TimeSpan.FromHours(49));
        await bot.PressDataAsync(126, "req:new:4");

        await bot.SendTextAsync(Coordinator, "/pending");

        var text = bot.LastText(Coordinator);
        Assert.Contains("Флагманы ждут подтверждения: 1", text);
        Assert.Contains("Запросы без ответа дольше 48 часов: 1", text);
        Assert.Contains("Жуков Женя Жоржевич → Борисов Борис Борисович", text);
        Assert.DoesNotContain("Зайцева", text);
    }

    [Fact]
    public async Task Pending_names_the_waiting_time_it_was_configured_with()
    {
        await using var bot = await BotHarness.StartAsync(configure: settings => settings["Reminders:RequestNudgeAfter"] = "1.00:00:00");
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Flagship(1).WithStrengths("legal").SaveAsync(bot);
        await DirectorBuilder.Young(109).Named("Егорова Елена Евгеньевна").WithDeficits("legal").SaveAsync(bot);
        await bot.PressDataAsync(109, "req:new:1");
        bot.Clock.Advance(TimeSpan.FromHours(25));

        await bot.SendTextAsync(Coordinator, "/pending");

        Assert.Contains("Запросы без ответа дольше 24 часов: 1", bot.LastText(Coordinator));
        Assert.Contains("Егорова Елена Евгеньевна → Флагман Директор 1", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task Stats_counts_people_and_names_the_gaps_in_deficit_coverage()
    {
        await using var bot = await WithOnePairAsync();
        await DirectorBuilder.Young(160).Named("Лебедева Лариса Львовна").WithDeficits("preschool", "legal").SaveAsync(bot);

        await bot.SendTextAsync(Coordinator, "/stats");

        // The numbers, then the coverage chart under them.
        var text = bot.Telegram.In(Coordinator)[^2].Text;
        Assert.Contains("Покрытие дефицитов", bot.LastText(Coordinator));
        Assert.Equal(Coordinator, bot.Telegram.Photos.Single().ChatId);
        Assert.Contains("Динской район: молодые директора — 6, флагманы — 6 (ждут подтверждения — 0), активные пары — 1", text);
        // Школа №1 is full now, so nobody with a free place covers legal questions; nobody covers preschool at all.
        // Егорова has a mentor now: only Лебедева still needs help with legal questions.
        Assert.Contains("❗ Правовые вопросы и локальные акты: 1 / 0", text);
        Assert.Contains("❗ Дошкольное образование (ФГОС ДО): 1 / 0", text);
        Assert.Contains("• Управление качеством образования, мониторинг и ВСОКО: 1 / 1", text);
        Assert.Contains("Не закрыты — здесь нужны наставники: Правовые вопросы и локальные акты; Дошкольное образование (ФГОС ДО)", text);
    }

    [Fact]
    public async Task The_export_is_a_csv_that_excel_opens_in_the_shape_of_the_assignment_list()
    {
        await using var bot = await WithOnePairAsync();

        await bot.SendTextAsync(Coordinator, "/export");
        await bot.PressAsync(Coordinator, "Скачать в CSV");

        var document = bot.Telegram.Documents.Last(d => d.ChatId == Coordinator);
        Assert.Equal([0xEF, 0xBB, 0xBF], document.Content.Take(3).ToArray());
        var lines = Encoding.UTF8.GetString(document.Content.AsSpan(3)).Split("\r\n");
        Assert.StartsWith("№;Район;Школа флагмана;Директор-флагман;Школа молодого директора;Молодой директор", lines[0]);
        var pair = lines[1].Split(';');
        Assert.Equal(["1", "Динской район", "СОШ № 1", "Андреева Анна Андреевна", "СОШ № 9", "Егорова Елена Евгеньевна", "23.11.2026", "23.11.2027", "0", "0", ""], pair);
        Assert.Equal("", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("Дошкольное образование (ФГОС ДО);0;0;", StringComparison.Ordinal));
        // Егорова, the only one with legal questions, has a mentor: nobody is left waiting for that help.
        Assert.Contains(lines, l => l.StartsWith("Правовые вопросы и локальные акты;0;0;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_export_carries_plan_progress_and_the_latest_check_in_in_taxonomy_order()
    {
        await using var bot = await WithOnePairAsync();
        await bot.InScopeAsync(async services =>
        {
            var partnerships = services.GetRequiredService<PartnershipRepository>();
            var id = (await partnerships.ActiveOfMenteeAsync(109))!.Id;
            var now = bot.Clock.GetUtcNow();
            var due = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(1);
            await partnerships.AddPlanItemAsync(id, "Консультация по локальным актам", PlanItemOwner.Mentor, due, 1, now);
            await partnerships.AddPlanItemAsync(id, "Совместный педсовет", PlanItemOwner.Both, due, 1, now);
            await partnerships.AddCheckinAsync(id, new Dictionary<string, int> { ["legal"] = 2, ["parents"] = 3 }, "", now);
            await partnerships.AddCheckinAsync(id, new Dictionary<string, int> { ["legal"] = 3, ["parents"] = 4 }, "", now.AddDays(30));
        });
        await bot.QueryAsync<long>("UPDATE plan_items SET status = 'Done' WHERE title = 'Консультация по локальным актам'");

        await bot.SendTextAsync(Coordinator, "/export");
        await bot.PressAsync(Coordinator, "Скачать в CSV");

        var document = bot.Telegram.Documents.Last(d => d.ChatId == Coordinator);
        var pair = Encoding.UTF8.GetString(document.Content.AsSpan(3)).Split("\r\n")[1].Split(';');
        Assert.Equal(["1", "2", "работа с родителями: 4, правовые вопросы: 3"], pair[8..]);
    }

    [Fact]
    public async Task Coordinator_tools_are_refused_to_everyone_else()
    {
        await using var bot = await WithOnePairAsync();
        await CoordinatorSeed.AddAsync(bot, 991, "goryachy-klyuch");

        foreach (var caller in new long[] { 109, 1, 125, 7777 })
        {
            foreach (var command in new[] { "/match_district", "/pairs", "/unmatched", "/pending", "/stats", "/export", "/assign" })
            {
                await bot.SendTextAsync(caller, command);
                Assert.Contains("недоступна", bot.LastText(caller));
            }
        }
        await bot.SendTextAsync(991, "/pairs");
        Assert.Contains("Активных пар в ваших районах нет", bot.LastText(991));
        await bot.SendTextAsync(991, "/export");
        await bot.PressAsync(991, "Скачать в CSV");
        Assert.DoesNotContain("Егорова", Encoding.UTF8.GetString(bot.Telegram.Documents.Last(d => d.ChatId == 991).Content));
    }
}
