using System.Text;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Features.Schools;
using MentorBot.Bot.Tests.Journeys;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.DesignatedPairs;

/// <summary>The forum resolution's pairs, from the coordinator's list to the partnership, a decline, and the matching that waits for them.</summary>
public sealed class DesignatedPairTests
{
    private const long Coordinator = 8500;
    private const long Flagship = 8510;
    private const long OtherFlagship = 8511;
    private const long Young = 8520;
    private const long OtherYoung = 8521;

    /// <summary>A coordinator of Динской район with a registry: flagship schools №1 and №2, young №9, №25, №26, and №50 (other).</summary>
    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await SchoolFiles.ImportAsync(bot, Coordinator, SchoolFiles.Csv(
            SchoolFiles.Row("1", status: "флагман"), SchoolFiles.Row("2", status: "флагман"),
            SchoolFiles.Row("9", status: "молодой директор"), SchoolFiles.Row("25", status: "низкие результаты"),
            SchoolFiles.Row("26", status: "молодой директор"), SchoolFiles.Row("50", status: "другое")));
        return bot;
    }

    private static async Task PreviewAsync(BotHarness bot, string list)
    {
        await bot.SendTextAsync(Coordinator, "/import_pairs");
        await bot.SendTextAsync(Coordinator, list);
    }

    private static async Task ImportAsync(BotHarness bot, string list)
    {
        await PreviewAsync(bot, list);
        await bot.PressAsync(Coordinator, "Применить");
    }

    private static async Task SendFileAsync(BotHarness bot, byte[] content, string fileName)
    {
        var fileId = Guid.NewGuid().ToString("N");
        bot.Telegram.AddFile(fileId, content);
        await bot.HandleAsync(Updates.Document(Coordinator, fileId, fileName, content.Length));
    }

    private static Task<IReadOnlyList<(string Flagship, string Young, string Status)>> PairsAsync(BotHarness bot) =>
        bot.QueryAsync<(string, string, string)>("SELECT flagship_number, young_number, status FROM designated_pairs ORDER BY id");

    private static Task<DirectorProfileSaved> SaveFlagshipAsync(BotHarness bot, long id = Flagship, string school = "1", int capacity = 2, bool pending = false)
    {
        var builder = DirectorBuilder.Flagship(id).Named("Петрова Анна Сергеевна").AtRegistrySchool(school).WithCapacity(capacity);
        return Saved(pending ? builder.Pending() : builder, bot);
    }

    private static Task<DirectorProfileSaved> SaveYoungAsync(BotHarness bot, long id = Young, string school = "9", string name = "Смирнова Ольга Викторовна") =>
        Saved(DirectorBuilder.Young(id).Named(name).AtRegistrySchool(school), bot);

    private static async Task<DirectorProfileSaved> Saved(DirectorBuilder builder, BotHarness bot) => new(await builder.SaveAsync(bot));

    private sealed record DirectorProfileSaved(MentorBot.Bot.Features.Profiles.DirectorProfile Profile);

    [Fact]
    public async Task A_pasted_list_is_previewed_stored_only_on_confirmation_and_the_same_list_again_changes_nothing()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_pairs");
        Assert.Contains("Пришлите пары, закреплённые решением форума (Динской район)", bot.LastText(Coordinator));

        await bot.SendTextAsync(Coordinator, "1 → 9, 25\n\n№2 -> 26");

        var preview = bot.LastText(Coordinator);
        Assert.Contains("Список, Динской район. Прочитано строк: 2, пар в нём: 3, ошибок нет.", preview);
        Assert.Contains("Будут закреплены (3): №1 → №9, №1 → №25, №2 → №26.", preview);
        Assert.Empty(await PairsAsync(bot));

        await bot.PressAsync(Coordinator, "Применить");

        Assert.Contains("Закреплённые пары обновлены (Динской район). Закреплено: 3, снято: 0. Предложения подтвердить пару отправлены директорам пар: 0.", bot.LastText(Coordinator));
        Assert.Equal([("1", "9", "Waiting"), ("1", "25", "Waiting"), ("2", "26", "Waiting")], await PairsAsync(bot));

        await PreviewAsync(bot, "1 —> 9; 25\n2 → 26");
        Assert.Contains("Закреплённые пары уже совпадают со списком: менять нечего.", bot.LastText(Coordinator));
        Assert.Contains("Без изменений: 3.", bot.LastText(Coordinator));
        Assert.Empty(bot.Telegram.In(Coordinator)[^1].Buttons);
        Assert.Equal(3, (await PairsAsync(bot)).Count);
        Assert.Equal(0, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations WHERE user_id = @Coordinator", new { Coordinator }));
    }

    [Fact]
    public async Task A_csv_or_xlsx_file_with_a_flagship_and_a_young_column_reads_as_the_same_list()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_pairs");
        await SendFileAsync(bot, Encoding.UTF8.GetBytes("Флагманская школа;Школа молодого директора\r\n1;9\r\n1;\"25, 26\"\r\n"), "решение.csv");
        Assert.Contains("Файл «решение.csv», Динской район. Прочитано строк: 2, пар в нём: 3, ошибок нет.", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "Применить");
        Assert.Equal(3, (await PairsAsync(bot)).Count);

        await bot.SendTextAsync(Coordinator, "/import_pairs");
        await SendFileAsync(bot, SchoolFiles.XlsxWith("Флагман;Молодой директор", "1;9", "1;25", "1;26"), "решение.xlsx");
        Assert.Contains("Закреплённые пары уже совпадают со списком: менять нечего.", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task Several_flagships_on_one_line_are_read_part_by_part()
    {
        await using var bot = await StartAsync();
        await PreviewAsync(bot, "1 -> 9, 25; 2 → 26");
        Assert.Contains("Прочитано строк: 1, пар в нём: 3, ошибок нет.", bot.LastText(Coordinator));
        Assert.Contains("Будут закреплены (3): №1 → №9, №1 → №25, №2 → №26.", bot.LastText(Coordinator));
    }

    public static TheoryData<string, string> BadLists => new()
    {
        { "1 9", "Строка 2: нет стрелки «→» между номером флагманской школы и номерами школ молодых директоров." },
        { "1 → 9 → 25", "Строка 2: в строке больше одной стрелки" },
        { "→ 9", "Строка 2: не указан номер флагманской школы." },
        { "1 →", "Строка 2: не указаны номера школ молодых директоров." },
        { "1 → 9\n2 → 9", "Строка 3: школа №9 уже закреплена за школой №1 в строке 2: у школы может быть только одна флагманская школа." },
        { "1 → 9, 9", "Строка 2: пара №1 → №9 уже указана в строке 2." },
        { "1 → 77", "Строка 2: школы №77 нет в реестре района (или она отмечена закрытой)." },
        { "50 → 9", "Строка 2: по реестру школа №50 не флагманская." },
        { "1 → 2", "Строка 2: по реестру школа №2 флагманская, а справа от стрелки нужна школа молодого директора." },
        { "1 → 1", "Строка 2: школа №1 указана с обеих сторон стрелки." },
        { "1 → 9?", "Строка 2: „9?“ не похоже на номер школы молодого директора." },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public async Task A_bad_list_is_refused_with_the_line_and_reason_stores_nothing_and_another_may_follow(string list, string reason)
    {
        await using var bot = await StartAsync();
        await PreviewAsync(bot, "2 → 26\n" + list);

        var answer = bot.LastText(Coordinator);
        Assert.Contains("Список не принят", answer);
        // The good first line is line 1, so the bad ones start at line 2.
        Assert.Contains(reason, answer);
        Assert.Contains("Закреплённые пары не изменены.", answer);
        Assert.Empty(bot.Telegram.In(Coordinator)[^1].Buttons);
        Assert.Empty(await PairsAsync(bot));

        await bot.SendTextAsync(Coordinator, "1 → 9");
        Assert.Contains("Будут закреплены (1): №1 → №9.", bot.LastText(Coordinator));
    }

    public static TheoryData<string, byte[], string, string> BadFiles => new()
    {
        { "no pair columns", Encoding.UTF8.GetBytes("Номер;Школа\r\n1;9\r\n"), "a.csv", "не найдены столбцы с номерами школ" },
        { "a picture", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "photo.png", "это не таблица CSV или XLSX" },
        { "old Excel", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "a.xls", "старый формат Excel (XLS)" },
        { "empty", [], "a.csv", "в нём нет таблицы" },
        { "a bad row", Encoding.UTF8.GetBytes("Флагманская школа;Школа молодого директора\r\n1;9\r\n77;25\r\n"), "a.csv", "Строка 3: школы №77 нет в реестре района" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_reason_and_stores_nothing(string kind, byte[] content, string fileName, string reason)
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_pairs");
        await SendFileAsync(bot, content, fileName);

        Assert.True(bot.LastText(Coordinator).Contains(reason, StringComparison.Ordinal), $"{kind}: {bot.LastText(Coordinator)}");
        Assert.Contains("Закреплённые пары не изменены.", bot.LastText(Coordinator));
        Assert.DoesNotContain("Реестр не изменён", bot.LastText(Coordinator));
        Assert.Empty(await PairsAsync(bot));
    }

    [Fact]
    public async Task A_list_before_any_registry_is_refused_with_the_command_that_loads_one()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await PreviewAsync(bot, "1 → 9");
        Assert.Contains("Сначала загрузите реестр — /import_schools.", bot.LastText(Coordinator));
        Assert.Empty(await PairsAsync(bot));
    }

    [Fact]
    public async Task A_pair_beyond_a_registered_flagships_capacity_is_refused_counting_the_active_partnerships()
    {
        await using var bot = await StartAsync();
        await SaveFlagshipAsync(bot, capacity: 2);
        var someone = await SaveYoungAsync(bot, OtherYoung, school: "50", name: "Кузнецова Елена Игоревна");
        await bot.InScopeAsync(services => services.GetRequiredService<PartnershipRepository>().OpenWithinCapacityAsync(
            someone.Profile.UserId, Flagship, 0, 2, ["legal"], new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), TestClock.DefaultStart));

        await PreviewAsync(bot, "1 → 9, 25\n2 → 26");

        var answer = bot.LastText(Coordinator);
        Assert.Contains("Список не принят: строк с ошибками — 1 из 2.", answer);
        Assert.Contains("Строка 1: пара №1 → №25 превысила бы вместимость: директор школы №1 принимает не более 2 молодых директоров одновременно, мест уже занято или закреплено: 2.", answer);
        Assert.DoesNotContain("№1 → №9 превысила", answer);
        Assert.Empty(await PairsAsync(bot));

        await bot.SendTextAsync(Coordinator, "1 → 9\n2 → 25, 26");
        Assert.Contains("Будут закреплены (3)", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task Both_registered_get_proposals_and_two_confirmations_start_a_partnership_once()
    {
        await using var bot = await StartAsync();
        await SaveFlagshipAsync(bot);
        await SaveYoungAsync(bot);
        var journey = new Journey(bot, Coordinator, Flagship, Young);

        await journey.SendAsync(Coordinator, "/import_pairs");
        await journey.SendAsync(Coordinator, "1 → 9");
        await journey.PressAsync(Coordinator, "Применить");
        Assert.Contains("Предложения подтвердить пару отправлены директорам пар: 1.", journey.Last(Coordinator));

        var toYoung = journey.Last(Young);
        Assert.Contains("По решению форума ваша школа закреплена за флагманской школой №1 (МБОУ СОШ № 1 (образец)).", toYoung);
        Assert.Contains("Наставник — директор-флагман Петрова Анна Сергеевна.", toYoung);
        var toFlagship = journey.Last(Flagship);
        Assert.Contains("По решению форума за вашей школой закреплена школа №9 (МБОУ СОШ № 9 (образец)): ваша школа поддерживает её директора.", toFlagship);
        Assert.Contains("Молодой директор — Смирнова Ольга Викторовна.", toFlagship);

        var proposal = bot.Telegram.In(Young)[^1];
        var confirm = proposal.Buttons.Single(b => b.Text.Contains("Подтвердить", StringComparison.Ordinal)).CallbackData!;
        await journey.PressAsync(Young, "Подтвердить");
        Assert.Equal("Подтверждено. Партнёрство начнётся, когда пару подтвердит и директор-флагман (Петрова Анна Сергеевна); вы получите сообщение.", journey.Last(Young));
        Assert.Equal(0, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships"));

        // An impatient second press of the same button changes nothing.
        await journey.PressOldAsync(Young, confirm, proposal.MessageId);
        Assert.Equal("Вы уже подтвердили эту пару.", bot.Telegram.CallbackAnswers[^1].Text);

        // Someone else's press of the flagship's button does nothing either.
        var flagshipProposal = bot.Telegram.In(Flagship)[^1];
        await bot.PressDataAsync(OtherYoung, flagshipProposal.Buttons[0].CallbackData!);
        Assert.Equal("Это предложение адресовано не вам.", bot.Telegram.CallbackAnswers[^1].Text);

        await journey.PressAsync(Flagship, "Подтвердить");

        Assert.Contains("Пара по решению форума подтверждена обеими сторонами, партнёрство началось. Молодой директор: Смирнова Ольга Викторовна", journey.Last(Flagship));
        Assert.Contains("Наставник: Петрова Анна Сергеевна", journey.Last(Young));
        Assert.Contains("Назначить встречу", string.Join(" ", bot.Telegram.In(Young)[^1].Buttons.Select(b => b.Text)));
        Assert.Contains("Пара по решению форума №1 → №9 подтверждена обеими сторонами, партнёрство началось", journey.Last(Coordinator));
        Assert.Equal((Young, Flagship, "Active"), (await bot.QueryAsync<(long, long, string)>("SELECT mentee_id, mentor_id, status FROM partnerships")).Single());
        Assert.Equal(("Resolution", "Accepted"), (await bot.QueryAsync<(string, string)>("SELECT origin, status FROM mentor_requests")).Single());
        Assert.Equal([("1", "9", "Started")], await PairsAsync(bot));
        Assert.True(await bot.ScalarAsync<long>("SELECT COUNT(*) FROM reminders") > 0);

        await journey.PressOldAsync(Flagship, flagshipProposal.Buttons[0].CallbackData!, flagshipProposal.MessageId);
        Assert.Equal("Это предложение уже не ждёт ответа.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(1, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships"));

        await journey.SendAsync(Coordinator, "/pairs");
        Assert.Contains("Петрова А. С. (МБОУ СОШ № 1 (образец)) — Смирнова О. В. (МБОУ СОШ № 9 (образец))", journey.Last(Coordinator));
        Assert.Contains("— по решению форума", journey.Last(Coordinator));
        await journey.SendAsync(Coordinator, "/stats");
        Assert.Contains(bot.TextsIn(Coordinator), t => t.Contains("активные пары — 1 (по решению форума — 1)", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.TextsIn(Coordinator), t => t.Contains("ещё не начатые", StringComparison.Ordinal));

        // The same list again proposes nothing anew.
        await PreviewAsync(bot, "1 → 9");
        Assert.Contains("Закреплённые пары уже совпадают со списком", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task A_pair_waits_for_registration_and_approval_and_is_proposed_the_moment_both_are_there()
    {
        await using var bot = await StartAsync();
        var journey = new Journey(bot, Coordinator, Flagship, Young);
        await ImportAsync(bot, "1 → 9");
        Assert.Equal([("1", "9", "Waiting")], await PairsAsync(bot));

        // The young director registers by choosing school №9 from the registry.
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");
        await bot.SendTextAsync(Young, "Смирнова Ольга Викторовна");
        await bot.SendTextAsync(Young, "директор");
        await bot.SendTextAsync(Young, "9");
        await bot.PressAsync(Young, "№9 —");
        await bot.PressAsync(Young, "ШНОР");
        await bot.SendTextAsync(Young, "1");
        await bot.PressAsync(Young, "Правовые вопросы");
        await bot.PressAsync(Young, "Готово");
        await bot.PressAsync(Young, "Пропустить");
        await bot.PressAsync(Young, "Пропустить");
        await journey.PressAsync(Young, "Сохранить");
        Assert.Contains("По решению форума ваша школа закреплена за флагманской школой №1. Директор этой школы ещё не зарегистрирован в боте", journey.Last(Young));

        // Meanwhile no other mentor is offered.
        await DirectorBuilder.Flagship(OtherFlagship).Named("Орлова Вера Николаевна").WithStrengths("legal").SaveAsync(bot);
        await journey.SendAsync(Young, "/find_mentor");
        Assert.Contains("эта пара ещё ждёт подтверждения, поэтому другие наставники сейчас не предлагаются", journey.Last(Young));
        Assert.DoesNotContain("Орлова", journey.Last(Young));
        Assert.Empty(bot.Telegram.In(Young)[^1].Buttons);

        // The flagship of school №1 registers and waits for approval: still nothing to confirm.
        await SaveFlagshipAsync(bot, pending: true);
        await bot.InScopeAsync(services => services.GetRequiredService<MentorBot.Bot.Features.DesignatedPairs.DesignatedPairProposals>()
            .ProposeReadyAsync("dinskoy", TestClock.DefaultStart, CancellationToken.None));
        Assert.Equal([("1", "9", "Waiting")], await PairsAsync(bot));
        await journey.SendAsync(Coordinator, "/pairs");
        Assert.Contains("• №1 (Петрова А. С.) → №9 (Смирнова О. В.): ждёт регистрации директоров", journey.Last(Coordinator));

        await journey.SendAsync(Coordinator, "/approvals");
        await journey.PressAsync(Coordinator, "Подтвердить");

        Assert.Contains("По решению форума за вашей школой закреплена школа №9", journey.Last(Flagship));
        Assert.Contains("По решению форума ваша школа закреплена за флагманской школой №1", journey.Last(Young));
        Assert.Equal([("1", "9", "Proposed")], await PairsAsync(bot));
        await journey.SendAsync(Coordinator, "/pairs");
        Assert.Contains("ждёт подтверждения обеих сторон", journey.Last(Coordinator));
    }

    [Fact]
    public async Task The_flagship_declines_the_coordinator_is_told_and_the_young_director_is_free_for_the_usual_matching()
    {
        await using var bot = await StartAsync();
        await SaveFlagshipAsync(bot);
        await SaveYoungAsync(bot);
        await DirectorBuilder.Flagship(OtherFlagship).Named("Орлова Вера Николаевна").WithStrengths("legal").SaveAsync(bot);
        var journey = new Journey(bot, Coordinator, Flagship, Young);
        await ImportAsync(bot, "1 → 9");
        await journey.CheckCommandsAsync();

        await journey.PressAsync(Flagship, "Отказаться");

        Assert.Equal("Отказ принят. Координатор района и молодой директор получат ваш ответ.", journey.Last(Flagship));
        Assert.Contains("Пара по решению форума №1 → №9 не состоится: предложение отклонено директором флагманской школы №1 — Петрова Анна Сергеевна.", journey.Last(Coordinator));
        var toYoung = journey.Last(Young);
        Assert.Contains("Пара по решению форума не состоится: предложение отклонено директором флагманской школы №1 — Петрова Анна Сергеевна.", toYoung);
        Assert.Contains("Орлова Вера Николаевна", toYoung);
        Assert.DoesNotContain("Запрос: Петрова", string.Join(" ", bot.Telegram.In(Young)[^1].Buttons.Select(b => b.Text)));
        Assert.Equal([("1", "9", "Declined")], await PairsAsync(bot));

        // The same list again does not bring the declined pair back.
        await PreviewAsync(bot, "1 → 9");
        Assert.Contains("Уже предлагались и не состоялись, снова не предлагаются (1): №1 → №9.", bot.LastText(Coordinator));
        Assert.Contains("менять нечего", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task The_young_director_declines_and_the_flagship_and_the_coordinator_are_told()
    {
        await using var bot = await StartAsync();
        await SaveFlagshipAsync(bot);
        await SaveYoungAsync(bot);
        var journey = new Journey(bot, Coordinator, Flagship, Young);
        await ImportAsync(bot, "1 → 9");
        await journey.PressAsync(Flagship, "Подтвердить");

        await journey.PressAsync(Young, "Отказаться");

        Assert.Equal("Отказ принят. Координатор района получит ваш ответ. Наставника можно подобрать обычным порядком — /find_mentor.", journey.Last(Young));
        Assert.Contains("предложение отклонено директором школы №9 — Смирнова Ольга Викторовна", journey.Last(Flagship));
        Assert.Contains("предложение отклонено директором школы №9 — Смирнова Ольга Викторовна", journey.Last(Coordinator));
        Assert.Equal(0, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships"));
        await journey.SendAsync(Young, "/find_mentor");
        Assert.DoesNotContain("ждёт подтверждения", journey.Last(Young));
    }

    [Fact]
    public async Task District_matching_leaves_out_a_young_director_whose_designated_pair_is_pending_and_the_reports_count_it()
    {
        await using var bot = await StartAsync();
        await SaveYoungAsync(bot);
        await DirectorBuilder.Flagship(OtherFlagship).Named("Орлова Вера Николаевна").WithStrengths("legal", "team").SaveAsync(bot);
        await ImportAsync(bot, "1 → 9");

        await bot.SendTextAsync(Coordinator, "/match_district");
        Assert.DoesNotContain("Смирнова", bot.LastText(Coordinator));

        await bot.SendTextAsync(Coordinator, "/unmatched");
        Assert.Contains("Смирнова Ольга Викторовна (МБОУ СОШ № 9 (образец)): закреплена решением форума за школой №1; ждёт регистрации директора флагманской школы", bot.LastText(Coordinator));

        await bot.SendTextAsync(Coordinator, "/stats");
        Assert.Contains(bot.TextsIn(Coordinator), t => t.Contains("ещё не начатые пары по решению форума — 1", StringComparison.Ordinal));

        await bot.SendTextAsync(Coordinator, "/pairs");
        Assert.Contains("Активных пар в ваших районах нет.", bot.LastText(Coordinator));
        Assert.Contains("Пары по решению форума, ещё не начатые: 1", bot.LastText(Coordinator));
        Assert.Contains("• №1 (директор не зарегистрирован) → №9 (Смирнова О. В.): ждёт регистрации директоров", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task A_flagship_who_declared_fewer_places_than_designated_schools_gets_the_first_and_the_rest_are_released()
    {
        await using var bot = await StartAsync();
        await ImportAsync(bot, "1 → 9, 25");
        await SaveFlagshipAsync(bot, capacity: 1, pending: true);
        await SaveYoungAsync(bot);
        await SaveYoungAsync(bot, OtherYoung, school: "25", name: "Ковалёва Ирина Павловна");

        await bot.SendTextAsync(Coordinator, "/approvals");
        await bot.PressAsync(Coordinator, "Подтвердить");

        Assert.Equal([("1", "9", "Proposed"), ("1", "25", "Released")], await PairsAsync(bot));
        Assert.Contains("Пара по решению форума №1 → №25 не предложена и снята: у директора школы №1 (Петрова Анна Сергеевна) нет свободных мест — принимает не более 1 молодого директора.", bot.LastText(Coordinator));
        Assert.Contains("но у её директора нет свободных мест, и пара снята", bot.LastText(OtherYoung));
        Assert.Contains("По решению форума ваша школа закреплена за флагманской школой №1", bot.LastText(Young));
    }

    [Fact]
    public async Task A_new_list_without_a_proposed_pair_withdraws_it_and_both_directors_are_told()
    {
        await using var bot = await StartAsync();
        await SaveFlagshipAsync(bot);
        await SaveYoungAsync(bot);
        await ImportAsync(bot, "1 → 9");
        var proposal = bot.Telegram.In(Young)[^1];

        await PreviewAsync(bot, "2 → 9");
        Assert.Contains("Будут закреплены (1): №2 → №9.", bot.LastText(Coordinator));
        Assert.Contains("Будут сняты, так как их нет в списке или у школы теперь другая флагманская школа (1): №1 → №9.", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "Применить");

        Assert.Contains("Пара по решению форума №1 → №9 снята: её нет в новом списке пар координатора района.", bot.LastText(Flagship));
        Assert.Contains("Наставника можно подобрать — /find_mentor.", bot.LastText(Young));
        Assert.Equal([("1", "9", "Withdrawn"), ("2", "9", "Waiting")], await PairsAsync(bot));
        await bot.PressDataAsync(Young, proposal.Buttons[0].CallbackData!, proposal.MessageId);
        Assert.Equal("Это предложение уже не ждёт ответа.", bot.Telegram.CallbackAnswers[^1].Text);
    }
}
