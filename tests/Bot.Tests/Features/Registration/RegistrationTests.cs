using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Registration;

public sealed class RegistrationTests
{
    private const long Young = 3001;
    private const long Flagship = 3002;
    private const long Coordinator = 3900;

    [Fact]
    public async Task A_young_director_registers_end_to_end_and_the_profile_is_stored_with_ranked_deficits()
    {
        await using var bot = await BotHarness.StartAsync();

        await RegistrationScript.RegisterYoungAsync(bot, Young);

        Assert.Contains("Анкета сохранена", bot.LastText(Young));
        var person = (await bot.QueryAsync<(string Role, string Status, string FullName, string School, string District, string SchoolStatus, long Years, string Note)>(
            "SELECT role, status, full_name, school, district, school_status, years_as_director, note FROM people WHERE user_id = @Young", new { Young })).Single();
        Assert.Equal(("Young", "Active", "Иванова Мария Петровна", "МАОУ СОШ № 9", "dinskoy", "LowResults", 2L), (person.Role, person.Status, person.FullName, person.School, person.District, person.SchoolStatus, person.Years));
        Assert.Equal("Третий год директором, школа на 180 детей.", person.Note);
        var deficits = await bot.QueryAsync<string>("SELECT code FROM person_codes WHERE user_id = @Young AND kind = 'Deficit' ORDER BY priority", new { Young });
        Assert.Equal(["team", "legal", "parents"], deficits);
        Assert.Equal(["standards"], await bot.QueryAsync<string>("SELECT code FROM person_codes WHERE user_id = @Young AND kind = 'Offer'", new { Young }));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task The_confirmation_screen_shows_the_whole_profile_before_anything_is_saved()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");
        await RegistrationScript.SchoolDataAsync(bot, Young, "Иванова Мария Петровна");
        await bot.PressAsync(Young, "Правовые вопросы");
        await bot.PressAsync(Young, "Готово");
        await bot.PressAsync(Young, "Пропустить");
        await bot.PressAsync(Young, "Пропустить");

        var confirmation = bot.LastText(Young);
        Assert.Contains("Проверьте анкету", confirmation);
        Assert.Contains("Иванова Мария Петровна", confirmation);
        Assert.Contains("ст. Динская", confirmation);
        Assert.Contains("1) Правовые вопросы и локальные акты", confirmation);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM people"));

        await bot.PressAsync(Young, "Сохранить");
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task A_flagship_waits_for_approval_and_the_districts_coordinator_is_told()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");

        await RegistrationScript.RegisterFlagshipAsync(bot, Flagship);

        Assert.Contains("отправлена координатору", bot.LastText(Flagship));
        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM people WHERE user_id = @Flagship", new { Flagship }));
        Assert.Equal(3L, await bot.ScalarAsync<long>("SELECT capacity FROM people WHERE user_id = @Flagship", new { Flagship }));
        Assert.Contains("Петров Сергей Иванович", bot.LastText(Coordinator));
        Assert.Contains("/approvals", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task Refusing_consent_stores_nothing_and_start_can_be_pressed_again()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendTextAsync(Young, "/start");
        Assert.Contains("152-ФЗ", bot.LastText(Young));

        await bot.PressAsync(Young, "Не согласен");

        Assert.Contains("/start", bot.LastText(Young));
        foreach (var table in new[] { "consents", "people", "person_codes", "conversations", "coordinators" })
        {
            Assert.Equal(0L, await bot.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }
        await RegistrationScript.ConsentAsync(bot, Young);
        Assert.Contains("Кто вы?", bot.LastText(Young));
    }

    [Fact]
    public async Task Choosing_a_role_without_consent_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PressDataAsync(Young, "role:young");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
        Assert.Equal("Эта кнопка уже неактуальна.", bot.Telegram.CallbackAnswers[^1].Text);
    }

    [Fact]
    public async Task A_restart_mid_registration_resumes_at_the_same_step()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");
        await bot.SendTextAsync(Young, "Иванова Мария Петровна");
        await bot.SendTextAsync(Young, "директор");

        await bot.RestartAsync();
        await bot.SendTextAsync(Young, "МАОУ СОШ № 9");

        Assert.Contains("муниципальный район", bot.LastText(Young));
        Assert.Equal("reg.district", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
        var draft = System.Text.Json.JsonDocument.Parse(await bot.ScalarAsync<string>("SELECT draft FROM conversations")).RootElement;
        Assert.Equal("Иванова Мария Петровна", draft.GetProperty("FullName").GetString());
    }

    [Theory]
    [InlineData("   ", "не может быть пустым")]
    [InlineData("Иванова", "хотя бы фамилию и имя")]
    [InlineData("12345 678", "цифр")]
    [InlineData("Иванoва Мария", "смешаны русские и латинские")]
    [InlineData("Мария 😀 Иванова", "только буквы")]
    [InlineData("<b>Мария</b> Иванова", "только буквы")]
    public async Task A_bad_name_gets_a_clear_answer_and_the_question_again(string name, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");

        await bot.SendTextAsync(Young, name);

        Assert.Contains(expected, bot.LastText(Young));
        Assert.Contains("Как вас зовут?", bot.LastText(Young));
        Assert.Equal("reg.name", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
    }

    [Fact]
    public async Task Other_bad_input_is_refused_at_each_step()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");
        await bot.SendTextAsync(Young, new string('Я', 151) + " Иванова");
        Assert.Contains("не больше 150", bot.LastText(Young));
        await bot.SendTextAsync(Young, "Иванова Мария");
        await bot.SendTextAsync(Young, "12345");
        Assert.Contains("должен содержать буквы", bot.LastText(Young));
        await bot.SendTextAsync(Young, "директор");
        await bot.HandleAsync(Updates.Sticker(Young));
        Assert.Contains("ответьте текстом", bot.LastText(Young));
        await bot.SendTextAsync(Young, "9");
        await bot.SendTextAsync(Young, "Нарнийский район");
        Assert.Contains("Такого района нет", bot.LastText(Young));
        await bot.SendTextAsync(Young, "динской район");
        Assert.Contains("Населённый пункт", bot.LastText(Young));
        await bot.SendTextAsync(Young, "ст. Динская");
        await bot.PressAsync(Young, "Городская");
        await bot.PressAsync(Young, "до 300");
        await bot.PressAsync(Young, "Нет");
        await bot.SendTextAsync(Young, "пять");
        Assert.Contains("число лет от 0 до 60", bot.LastText(Young));
        await bot.SendTextAsync(Young, "61");
        Assert.Contains("число лет от 0 до 60", bot.LastText(Young));
        await bot.SendTextAsync(Young, "0");
        await bot.PressAsync(Young, "Готово");
        Assert.Contains("от 1 до 5", bot.Telegram.CallbackAnswers[^1].Text);
        foreach (var label in new[] { "Правовые", "Кадры", "Финансово", "Цифровая", "Дошкольное" })
        {
            await bot.PressAsync(Young, label);
        }
        await bot.PressAsync(Young, "Проектное управление");
        Assert.Contains("от 1 до 5", bot.Telegram.CallbackAnswers[^1].Text);

        Assert.Equal("Школа № 9", System.Text.Json.JsonDocument.Parse(await bot.ScalarAsync<string>("SELECT draft FROM conversations")).RootElement.GetProperty("School").GetString());
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task A_note_longer_than_500_characters_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");
        await RegistrationScript.SchoolDataAsync(bot, Young, "Иванова Мария");
        await bot.PressAsync(Young, "Правовые вопросы");
        await bot.PressAsync(Young, "Готово");
        await bot.PressAsync(Young, "Пропустить");

        await bot.SendTextAsync(Young, new string('а', 501));

        Assert.Contains("не больше 500", bot.LastText(Young));
        Assert.Equal("reg.note", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
    }

    [Fact]
    public async Task Start_pressed_mid_dialog_resumes_the_same_question()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.ConsentAsync(bot, Young);
        await bot.PressAsync(Young, "молодой директор");
        await bot.SendTextAsync(Young, "Иванова Мария");

        await bot.SendTextAsync(Young, "/start");

        var texts = bot.TextsIn(Young);
        Assert.Contains("Вы уже заполняете анкету", texts[^2]);
        Assert.Contains("Ваша должность?", texts[^1]);
        Assert.Equal("reg.position", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
    }

    [Fact]
    public async Task A_relabelled_taxonomy_code_does_not_break_a_stored_profile()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.RegisterYoungAsync(bot, Young);

        await bot.RestartAsync(c => c["Catalog:Taxonomy:8:Label"] = "Правовое поле школы (новая формулировка)");

        await bot.SendTextAsync(Young, "/profile");

        Assert.Contains("Правовое поле школы (новая формулировка)", bot.LastText(Young));
    }
}
