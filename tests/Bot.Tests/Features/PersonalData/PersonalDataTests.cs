using System.Text;
using System.Text.Json;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.PersonalData;

public sealed class PersonalDataTests
{
    private const long Young = 7001;
    private const long Coordinator = 7900;
    private const string Name = "Иванова Мария Петровна";

    [Fact]
    public async Task My_data_sends_everything_stored_as_a_json_file()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.RegisterYoungAsync(bot, Young, Name);

        await bot.SendTextAsync(Young, "/my_data");

        var document = bot.Telegram.Documents.Single(d => d.ChatId == Young);
        var json = JsonDocument.Parse(Encoding.UTF8.GetString(document.Content)).RootElement;
        Assert.Equal(Young, json.GetProperty("telegram_user_id").GetInt64());
        Assert.Equal(Name, json.GetProperty("profile").GetProperty("full_name").GetString());
        Assert.Equal(["team", "legal", "parents"], json.GetProperty("profile").GetProperty("deficits_by_priority").EnumerateArray().Select(e => e.GetString()).ToList());
        Assert.True(json.TryGetProperty("consent", out _));
    }

    [Fact]
    public async Task Delete_me_asks_first_and_a_no_keeps_everything()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.RegisterYoungAsync(bot, Young, Name);

        await bot.SendTextAsync(Young, "/delete_me");
        await bot.PressAsync(Young, "Нет, оставить");

        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task Delete_me_leaves_no_personal_data_in_any_table()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await RegistrationScript.RegisterYoungAsync(bot, Young, Name);
        await bot.SendTextAsync(Young, "/profile");
        await bot.SendTextAsync(Young, "/delete_me");

        await bot.PressAsync(Young, "Да, удалить");

        Assert.Contains("удалены", bot.Telegram.CallbackAnswers[^1].Text);
        await DatabaseAssert.NoTraceOfAsync(bot, Young, Name, "Иванова");
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM coordinators"));
    }

    [Fact]
    public async Task After_an_erasure_the_question_becomes_a_farewell_that_stays_and_its_old_buttons_tell_the_truth()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.RegisterYoungAsync(bot, Young, Name);
        await bot.SendTextAsync(Young, "/delete_me");
        var question = bot.Telegram.In(Young)[^1];
        var keep = bot.Telegram.ButtonsOf(Young, question.MessageId).Single(b => b.Text == "Нет, оставить").CallbackData!;

        await bot.PressAsync(Young, "Да, удалить");

        var farewell = bot.Telegram.In(Young).Last(m => m.MessageId == question.MessageId);
        Assert.True(farewell.Edited);
        Assert.StartsWith("Ваши данные удалены", farewell.Text);
        Assert.Empty(bot.Telegram.ButtonsOf(Young, question.MessageId));
        await DatabaseAssert.NoTraceOfAsync(bot, Young, Name, "Иванова");

        // A client that still shows the buttons: «keep» must not claim that nothing was deleted.
        await bot.PressDataAsync(Young, keep, question.MessageId);
        Assert.DoesNotContain(bot.Telegram.In(Young), m => m.Text.Contains("ничего не удалено", StringComparison.Ordinal));
        Assert.StartsWith("Анкеты у вас сейчас нет", bot.Telegram.In(Young)[^1].Text);
    }
}
