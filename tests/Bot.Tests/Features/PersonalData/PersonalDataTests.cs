using System.Globalization;
using System.Text;
using System.Text.Json;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

    private static readonly string[] Codes =
    [
        "Young", "Flagship", "Active", "Approved", "Unfavourable", "LowResults", "Rural", "Small", "will_attend", "cannot_attend",
        "Yes", "legal", "team", "parents", "dinskoy", "goryachy-klyuch", "full_name", "profile", "\\u", "T07:00", "+00:00",
    ];

    /// <summary>A young director in a district on Yekaterinburg time (UTC+5), with a school status, an answer and a note with emoji.</summary>
    private static async Task<BotHarness> YoungInYekaterinburgAsync()
    {
        var bot = await BotHarness.StartAsync(configure: settings => settings["Catalog:Districts:1:TimeZone"] = "Asia/Yekaterinburg");
        await DirectorBuilder.Young(Young).Named(Name).InDistrict("goryachy-klyuch").WithDeficits("legal", "team").WithOffers("parents")
            .WithNote("Люблю шахматы 😀").SaveAsync(bot);
        await bot.QueryAsync<long>("UPDATE people SET school_status = 'Unfavourable' WHERE user_id = @Young", new { Young });
        var forum = await AnnouncementSeed.SentForumAsync(bot, null, "goryachy-klyuch", [Young], "Форум молодых директоров", inDays: 10);
        await bot.InScopeAsync(services => services.GetRequiredService<RsvpRepository>().AnswerAsync(forum, Young, RsvpAnswer.Yes, TestClock.DefaultStart));
        return bot;
    }

    [Fact]
    public async Task My_data_reads_in_Russian_with_labels_instead_of_codes_and_local_times()
    {
        await using var bot = await YoungInYekaterinburgAsync();

        await bot.SendTextAsync(Young, "/my_data");

        var text = string.Join("\n", bot.TextsIn(Young));
        foreach (var code in Codes)
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        }
        foreach (var label in new[] { "Ваши данные в MentorBot", "Учётная запись\n", "Анкета\n", "Полученные объявления\n",
                     "Ваши ответы на приглашения\n", "Напоминания\n", "Показывать вас в поиске коллег: нет", "Правовые вопросы и локальные акты",
                     "ШФНСУ — неблагоприятные социальные условия", "молодой директор", "«Буду»", "Люблю шахматы 😀" })
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }
        // 07:00 UTC is 12:00 in Yekaterinburg: consent, the profile and the answer were given then.
        Assert.Contains("Согласие на обработку данных дано: 23.11.2026 12:00", text, StringComparison.Ordinal);
        Assert.Contains("«Форум молодых директоров», 03.12.2026 12:00: «Буду» (ответ от 23.11.2026 12:00)", text, StringComparison.Ordinal);
        Assert.Contains("по часовому поясу МСК+2.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_copy_keeps_codes_for_machines_and_writes_Cyrillic_and_emoji_as_they_are()
    {
        await using var bot = await YoungInYekaterinburgAsync();

        await bot.SendTextAsync(Young, "/my_data");

        var file = Encoding.UTF8.GetString(bot.Telegram.Documents.Single(d => d.ChatId == Young).Content);
        Assert.Contains("Люблю шахматы 😀", file, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", file, StringComparison.Ordinal);
        var json = JsonDocument.Parse(file).RootElement;
        Assert.Equal("Люблю шахматы 😀", json.GetProperty("profile").GetProperty("note").GetString());
        Assert.Equal("Unfavourable", json.GetProperty("profile").GetProperty("school_status").GetString());
        Assert.Equal("will_attend", json.GetProperty("event_answers")[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_long_export_comes_in_several_messages_within_Telegrams_limit_and_loses_no_line()
    {
        await using var bot = await YoungInYekaterinburgAsync();
        for (var i = 1; i <= 60; i++)
        {
            await AnnouncementSeed.SentForumAsync(bot, null, "goryachy-klyuch", [Young], $"Семинар по управлению школой, встреча {i:00}", inDays: i);
        }

        await bot.SendTextAsync(Young, "/my_data");

        var parts = bot.TextsIn(Young);
        Assert.True(parts.Count(p => p.Contains("«Семинар по управлению школой", StringComparison.Ordinal)) >= 2);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        var text = string.Join("\n", parts);
        Assert.Equal(60, Enumerable.Range(1, 60).Count(i => text.Contains(
            $"«Семинар по управлению школой, встреча {i:00}», {TestClock.DefaultStart.AddDays(i).AddHours(5).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)}",
            StringComparison.Ordinal)));
        Assert.Contains("Напоминания приостановлены: нет", text, StringComparison.Ordinal);
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
