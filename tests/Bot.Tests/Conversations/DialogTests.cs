using MentorBot.Bot.Conversations;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Conversations;

public sealed class DialogTests
{
    private const long User = 9001;

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(services: s =>
    {
        s.AddConversation<SurveyDialog>();
        s.AddCommand<SurveyCommand>();
    });

    [Fact]
    public async Task A_restart_mid_dialog_resumes_at_the_same_step_with_the_draft_kept()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");
        await bot.SendTextAsync(User, "Мария");
        Assert.Contains("Любимый цвет?", bot.LastText(User));

        await bot.RestartAsync();

        Assert.Equal("survey.colour", await bot.ScalarAsync<string>("SELECT state FROM conversations WHERE user_id = @User", new { User }));
        await bot.PressAsync(User, "Зелёный");
        Assert.Contains("Любимое число?", bot.LastText(User));
        await bot.SendTextAsync(User, "7");
        Assert.Equal("Готово: Мария, green", bot.LastText(User));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task Cancel_works_mid_dialog_and_keeps_nothing()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");
        await bot.SendTextAsync(User, "Мария");

        await bot.SendTextAsync(User, "/cancel");

        Assert.Contains("Отменено", bot.LastText(User));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
        await bot.SendTextAsync(User, "синий");
        Assert.Contains("/help", bot.LastText(User));
    }

    [Fact]
    public async Task The_cancel_button_leaves_the_dialog()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");

        await bot.PressAsync(User, "Отмена");

        Assert.Contains("Отменено", bot.LastText(User));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task Back_returns_to_the_previous_step()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");
        await bot.SendTextAsync(User, "Мария");

        await bot.PressAsync(User, "Назад");

        Assert.Contains("Как вас зовут?", bot.LastText(User));
        Assert.Equal("survey.name", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
    }

    [Fact]
    public async Task Bad_input_gets_the_reason_and_the_same_question_again()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");
        await bot.SendTextAsync(User, "   ");
        Assert.Contains("Имя не может быть пустым.", bot.LastText(User));
        Assert.Contains("Как вас зовут?", bot.LastText(User));

        await bot.HandleAsync(Updates.Sticker(User));
        Assert.Contains("ответьте текстом", bot.LastText(User));
        Assert.Equal("survey.name", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
    }

    [Fact]
    public async Task A_button_of_an_earlier_step_is_stale_and_changes_nothing()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");
        await bot.SendTextAsync(User, "Мария");
        await bot.PressAsync(User, "Синий");

        await bot.PressDataAsync(User, CallbackData.Build("survey", "colour", "green"));

        Assert.Equal("Эта кнопка уже неактуальна.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal("survey.number", await bot.ScalarAsync<string>("SELECT state FROM conversations"));
        Assert.Contains("\"Colour\":\"blue\"", await bot.ScalarAsync<string>("SELECT draft FROM conversations"));
    }

    [Fact]
    public async Task Another_command_mid_dialog_is_refused_and_the_question_asked_again()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(User, "/survey");

        await bot.SendTextAsync(User, "/survey");

        var texts = bot.TextsIn(User);
        Assert.Contains("/cancel", texts[^2]);
        Assert.Contains("Как вас зовут?", texts[^1]);
    }

    [Fact]
    public async Task Every_callback_is_answered_even_an_unknown_one()
    {
        await using var bot = await StartAsync();

        await bot.PressDataAsync(User, "nonsense:1:2");
        await bot.PressDataAsync(User, new string('x', 80));

        Assert.Equal(2, bot.Telegram.CallbackAnswers.Count);
    }
}
