using System.Text;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Schools;

public sealed class SchoolImportTests
{
    private const long Coordinator = 8100;
    private const long OtherCoordinator = 8101;
    private const long Director = 8110;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync(settings => settings["Schools:MaxFileBytes"] = "65536");
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        return bot;
    }

    private static async Task SendFileAsync(BotHarness bot, byte[] content, string fileName, long from = Coordinator, long? statedSize = null)
    {
        var fileId = Guid.NewGuid().ToString("N");
        bot.Telegram.AddFile(fileId, content);
        await bot.HandleAsync(Updates.Document(from, fileId, fileName, statedSize ?? content.Length));
    }

    private static Task ImportAsync(BotHarness bot, byte[] content, string fileName = "schools.csv") =>
        SchoolFiles.ImportAsync(bot, Coordinator, content, fileName);

    private static Task<IReadOnlyList<(string Number, string FullName, double? Latitude, long IsClosed)>> SchoolsAsync(BotHarness bot) =>
        bot.QueryAsync<(string, string, double?, long)>("SELECT number, full_name, latitude, is_closed FROM schools WHERE district = 'dinskoy' ORDER BY number");

    [Fact]
    public async Task A_good_file_is_previewed_and_stored_only_after_the_coordinator_confirms()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_schools");
        Assert.Contains("Пришлите файл реестра школ (Динской район)", bot.LastText(Coordinator));

        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1", status: "флагман"), SchoolFiles.Row("9", status: "молодой директор", latitude: "", longitude: ""), SchoolFiles.Row("№ 29", director: "Иванова Анна Сергеевна")), "реестр.csv");

        var preview = bot.LastText(Coordinator);
        Assert.Contains("Прочитано строк: 3, ошибок нет.", preview);
        Assert.Contains("Добавятся школы (3): №1, №9, №29.", preview);
        Assert.Empty(await SchoolsAsync(bot));

        await bot.PressAsync(Coordinator, "Применить");

        Assert.Contains("Реестр школ обновлён (Динской район). Добавлено: 3, изменено: 0, удалено: 0", bot.LastText(Coordinator));
        var stored = await SchoolsAsync(bot);
        Assert.Equal(["1", "29", "9"], stored.Select(s => s.Number));
        Assert.Equal(45.217, stored[0].Latitude!.Value, 6);
        Assert.Null(stored[2].Latitude);
        Assert.Equal("Иванова Анна Сергеевна", await bot.ScalarAsync<string>("SELECT director_name FROM schools WHERE number = '29'"));
        Assert.Equal("Flagship", await bot.ScalarAsync<string>("SELECT status FROM schools WHERE number = '1'"));
    }

    [Fact]
    public async Task An_xlsx_file_reads_as_the_same_registry_and_reimporting_it_changes_nothing()
    {
        await using var bot = await StartAsync();
        string[] rows = [SchoolFiles.Row("1", status: "флагман"), SchoolFiles.Row("25", kind: "город", size: "большая", status: "низкие результаты")];
        await ImportAsync(bot, SchoolFiles.Xlsx(rows), "реестр.xlsx");
        var first = await bot.QueryAsync<(string, string, string, string, double, double, long)>(
            "SELECT number, settlement_kind, size_band, status, latitude, longitude, updated_at FROM schools ORDER BY number");
        Assert.Equal(("25", "Urban", "Large", "LowResults"), (first[1].Item1, first[1].Item2, first[1].Item3, first[1].Item4));

        bot.Clock.Advance(TimeSpan.FromHours(1));
        await bot.SendTextAsync(Coordinator, "/import_schools");
        await SendFileAsync(bot, SchoolFiles.Csv(rows), "тот же реестр.csv");

        Assert.Contains("Реестр уже совпадает с файлом: менять нечего.", bot.LastText(Coordinator));
        Assert.Contains("Без изменений: 2.", bot.LastText(Coordinator));
        Assert.Empty(bot.Telegram.In(Coordinator)[^1].Buttons);
        Assert.Equal(first, await bot.QueryAsync<(string, string, string, string, double, double, long)>(
            "SELECT number, settlement_kind, size_band, status, latitude, longitude, updated_at FROM schools ORDER BY number"));
        Assert.Equal(0, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations WHERE user_id = @Coordinator", new { Coordinator }));
    }

    public static TheoryData<string, byte[], string, string> BadFiles => new()
    {
        { "missing column", Encoding.UTF8.GetBytes("Номер;Полное название;Населённый пункт;Тип населённого пункта;Размер;Статус;Широта\r\n1;СОШ;ст. Динская;село;малая;другое;45\r\n"), "a.csv",
            "нет столбца «Долгота»" },
        { "duplicate numbers", SchoolFiles.Csv(SchoolFiles.Row("9"), SchoolFiles.Row("4"), SchoolFiles.Row("№9")), "a.csv",
            "Строка 4: школа №9 уже указана в строке 2." },
        { "latitude out of range", SchoolFiles.Csv(SchoolFiles.Row("1"), SchoolFiles.Row("2", latitude: "95,5")), "a.csv",
            "Строка 3: широта 95,5 вне допустимого диапазона (от −90 до 90)." },
        { "one coordinate", SchoolFiles.Csv(SchoolFiles.Row("1", longitude: "")), "a.csv",
            "Строка 2: указана только одна координата" },
        { "wrong words", SchoolFiles.Csv(SchoolFiles.Row("1", kind: "мегаполис", size: "огромная")), "a.csv",
            "Строка 2: тип населённого пункта „мегаполис“ не распознан: нужно „город“ или „село“; размер „огромная“ не распознан" },
        { "too many rows", SchoolFiles.Csv([.. Enumerable.Range(1, 100_000).Select(i => $"{i};a;b;село;малая;другое;;")]), "a.csv",
            "больше строк, чем допустимо для одного района (не более 10000)" },
        { "a picture", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], "photo.png",
            "это не таблица CSV или XLSX" },
        { "a zip that is no workbook", [.. "PK\u0003\u0004"u8, .. new byte[64]], "a.xlsx", "это не таблица CSV или XLSX" },
        { "old Excel", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "a.xls", "старый формат Excel (XLS)" },
        { "empty", [], "a.csv", "в нём нет таблицы" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_reason_stores_nothing_and_the_coordinator_may_send_another(string kind, byte[] content, string fileName, string reason)
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await bot.SendTextAsync(Coordinator, "/import_schools");

        await SendFileAsync(bot, content, fileName);

        Assert.True(bot.LastText(Coordinator).Contains(reason, StringComparison.Ordinal), $"{kind}: {bot.LastText(Coordinator)}");
        Assert.Contains("Реестр не изменён", bot.LastText(Coordinator));
        Assert.Empty(bot.Telegram.In(Coordinator)[^1].Buttons);
        Assert.Empty(await SchoolsAsync(bot));

        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1")), "исправленный.csv");
        Assert.Contains("Добавятся школы (1): №1.", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_it_is_downloaded()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_schools");

        await bot.HandleAsync(Updates.Document(Coordinator, "never-stored", "big.xlsx", fileSize: 50_000_000));

        Assert.Contains("Файл не принят: он больше допустимого размера (64 КБ).", bot.LastText(Coordinator));
        await SendFileAsync(bot, SchoolFiles.Csv([.. Enumerable.Range(1, 2_000).Select(i => SchoolFiles.Row($"{i}"))]), "big.csv", statedSize: 0);
        Assert.Contains("больше допустимого размера", bot.LastText(Coordinator));
        Assert.Empty(await SchoolsAsync(bot));
    }

    [Fact]
    public async Task Text_instead_of_a_file_re_asks_and_cancelling_the_preview_stores_nothing()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_schools");
        await bot.SendTextAsync(Coordinator, "вот реестр");
        Assert.Contains("Нужен файл XLSX или CSV, отправленный документом", bot.LastText(Coordinator));

        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1")), "a.csv");
        var preview = bot.Telegram.In(Coordinator)[^1];
        await bot.SendTextAsync(Coordinator, "да");
        Assert.Contains("Реестр ещё не изменён. Примените изменения", bot.LastText(Coordinator));
        Assert.Empty(await SchoolsAsync(bot));
        await bot.PressAsync(Coordinator, "Отменить");
        Assert.Contains("Загрузка реестра отменена. Реестр не изменён.", bot.LastText(Coordinator));

        var apply = preview.Buttons.Single(b => b.Text.Contains("Применить", StringComparison.Ordinal));
        await bot.PressDataAsync(Coordinator, apply.CallbackData!, preview.MessageId);
        Assert.Equal("Эта загрузка уже завершена или отменена.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Empty(await SchoolsAsync(bot));
    }

    [Fact]
    public async Task Pressing_apply_twice_applies_once()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_schools");
        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1")), "a.csv");
        var preview = bot.Telegram.In(Coordinator)[^1];
        var apply = preview.Buttons.Single(b => b.Text.Contains("Применить", StringComparison.Ordinal));

        await bot.PressDataAsync(Coordinator, apply.CallbackData!, preview.MessageId);
        await bot.PressDataAsync(Coordinator, apply.CallbackData!, preview.MessageId);

        Assert.Single(bot.TextsIn(Coordinator), t => t.StartsWith("Реестр школ обновлён", StringComparison.Ordinal));
        Assert.Single(await SchoolsAsync(bot));
    }

    [Fact]
    public async Task The_buttons_of_an_older_preview_do_not_apply_a_newer_file()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Coordinator, "/import_schools");
        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1")), "first.csv");
        var first = bot.Telegram.In(Coordinator)[^1];
        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("2"), SchoolFiles.Row("3")), "second.csv");

        var oldApply = first.Buttons.Single(b => b.Text.Contains("Применить", StringComparison.Ordinal));
        await bot.PressDataAsync(Coordinator, oldApply.CallbackData!, first.MessageId);
        Assert.Equal("Эта загрузка уже завершена или отменена.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Empty(await SchoolsAsync(bot));

        await bot.PressAsync(Coordinator, "Применить");
        Assert.Equal(["2", "3"], (await SchoolsAsync(bot)).Select(s => s.Number));
    }

    [Fact]
    public async Task A_school_that_profiles_name_is_closed_not_deleted_and_the_coordinator_learns_who_is_affected()
    {
        await using var bot = await StartAsync();
        await ImportAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1"), SchoolFiles.Row("2"), SchoolFiles.Row("9")));
        await DirectorBuilder.Young(Director).Named("Петрова Мария Ивановна").SaveAsync(bot);
        await bot.InScopeAsync(services => services.GetRequiredService<DbSession>()
            .ExecuteAsync("UPDATE people SET school_number = '9' WHERE user_id = @Director", new { Director }));

        await bot.SendTextAsync(Coordinator, "/import_schools");
        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1", director: "Новый Директор")), "a.csv");

        var preview = bot.LastText(Coordinator);
        Assert.Contains("Изменятся (1): №1 — директор.", preview);
        Assert.Contains("Удалятся из реестра, так как их нет в файле (1): №2.", preview);
        Assert.Contains("Будут отмечены закрытыми, а не удалены, так как их указали в анкетах (1): №9.", preview);
        Assert.Contains("• Петрова Мария Ивановна — школа №9", preview);

        await bot.PressAsync(Coordinator, "Применить");

        Assert.Contains("удалено: 1, отмечено закрытыми: 1", bot.LastText(Coordinator));
        Assert.Contains("• Петрова Мария Ивановна — школа №9", bot.LastText(Coordinator));
        Assert.Equal([("1", 0L), ("9", 1L)], (await SchoolsAsync(bot)).Select(s => (s.Number, s.IsClosed)));

        // The closed school comes back when a later file lists it again.
        await ImportAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("1", director: "Новый Директор"), SchoolFiles.Row("9")));
        Assert.Equal([("1", 0L), ("9", 0L)], (await SchoolsAsync(bot)).Select(s => (s.Number, s.IsClosed)));
    }

    [Fact]
    public async Task Only_coordinators_import_and_only_into_their_own_districts()
    {
        await using var bot = await StartAsync();
        await CoordinatorSeed.AddAsync(bot, OtherCoordinator, "dinskoy", "goryachy-klyuch");
        await DirectorBuilder.Young(Director).SaveAsync(bot);

        await bot.SendTextAsync(Director, "/import_schools");
        Assert.Contains("Эта команда вам недоступна", bot.LastText(Director));
        await bot.SendTextAsync(Director, "/help");
        Assert.DoesNotContain("/import_schools", bot.LastText(Director));
        await bot.SendTextAsync(Coordinator, "/help");
        Assert.Contains("/import_schools", bot.LastText(Coordinator));

        // A coordinator of two districts chooses; a forged button for a district not theirs changes nothing.
        await bot.SendTextAsync(OtherCoordinator, "/import_schools");
        Assert.Contains("Реестр школ какого района загрузить?", bot.LastText(OtherCoordinator));
        await bot.PressDataAsync(OtherCoordinator, "schools:district:elsewhere");
        Assert.Equal("Эта загрузка уже завершена или отменена.", bot.Telegram.CallbackAnswers[^1].Text);
        await bot.PressAsync(OtherCoordinator, "г. Горячий Ключ");
        Assert.Contains("Пришлите файл реестра школ (г. Горячий Ключ)", bot.LastText(OtherCoordinator));
        await SendFileAsync(bot, SchoolFiles.Csv(SchoolFiles.Row("3")), "a.csv", from: OtherCoordinator);
        await bot.PressAsync(OtherCoordinator, "Применить");
        Assert.Equal("goryachy-klyuch", await bot.ScalarAsync<string>("SELECT district FROM schools"));
    }
}
