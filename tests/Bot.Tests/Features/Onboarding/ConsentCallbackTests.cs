using MentorBot.Bot.Features.Onboarding;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Onboarding;

public sealed class ConsentCallbackTests
{
    private const long Person = 3101;
    private const long Coordinator = 3190;

    [Fact]
    public async Task A_coordinator_who_agrees_is_greeted_as_one_as_after_start()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await bot.SendTextAsync(Coordinator, "/start");

        await bot.PressAsync(Coordinator, ProfileTexts.AgreeButton);

        Assert.StartsWith("Вы — координатор (Динской район). Команды координатора — /help.", bot.LastText(Coordinator), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_consent_is_recorded_its_buttons_change_nothing_and_say_they_are_spent()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendTextAsync(Person, "/start");
        var question = bot.Telegram.In(Person)[^1];
        await bot.PressDataAsync(Person, ConsentCallback.Data(agree: true, inviteCode: null), question.MessageId);
        var shown = bot.TextsIn(Person).Count;

        await bot.PressDataAsync(Person, ConsentCallback.Data(agree: true, inviteCode: null), question.MessageId);
        await bot.PressDataAsync(Person, ConsentCallback.Data(agree: false, inviteCode: null), question.MessageId);

        Assert.Equal(shown, bot.TextsIn(Person).Count);
        Assert.Equal([Texts.StaleButton, Texts.StaleButton], bot.Telegram.CallbackAnswers.Skip(1).Select(a => a.Text));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM consents WHERE user_id = @Person", new { Person }));
    }
}
