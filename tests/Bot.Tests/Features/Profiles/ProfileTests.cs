using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Profiles;

public sealed class ProfileTests
{
    private const long Young = 8001;

    [Fact]
    public async Task A_field_is_edited_through_the_same_validated_step()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.RegisterYoungAsync(bot, Young);
        await bot.SendTextAsync(Young, "/profile");

        await bot.PressAsync(Young, "ФИО");
        await bot.SendTextAsync(Young, "Сидорова");
        Assert.Contains("хотя бы фамилию и имя", bot.LastText(Young));
        await bot.SendTextAsync(Young, "Сидорова Мария Петровна");

        Assert.Contains("Изменения сохранены", bot.LastText(Young));
        Assert.Equal("Сидорова Мария Петровна", await bot.ScalarAsync<string>("SELECT full_name FROM people WHERE user_id = @Young", new { Young }));
        Assert.Equal(3L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM person_codes WHERE user_id = @Young AND kind = 'Deficit'", new { Young }));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task Editing_deficits_asks_for_their_priority_again()
    {
        await using var bot = await BotHarness.StartAsync();
        await RegistrationScript.RegisterYoungAsync(bot, Young);
        await bot.SendTextAsync(Young, "/profile");

        await bot.PressAsync(Young, "Дефициты");
        await bot.PressAsync(Young, "Цифровая");
        await bot.PressAsync(Young, "Готово");
        Assert.Contains("по важности", bot.LastText(Young));
        foreach (var label in new[] { "Цифровая", "Взаимодействие с семьями", "Правовые", "Управленческая" })
        {
            await bot.PressAsync(Young, label);
        }

        Assert.Contains("Изменения сохранены", bot.LastText(Young));
        Assert.Equal(["digital", "parents", "legal", "team"],
            await bot.QueryAsync<string>("SELECT code FROM person_codes WHERE user_id = @Young AND kind = 'Deficit' ORDER BY priority", new { Young }));
    }

    [Fact]
    public async Task A_guest_has_no_profile_command()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.SendTextAsync(Young, "/profile");

        Assert.Contains("недоступна", bot.LastText(Young));
    }

    [Fact]
    public async Task The_years_as_director_carry_their_noun()
    {
        await using var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Young).SaveAsync(bot);

        await bot.SendTextAsync(Young, "/profile");

        Assert.Contains("Стаж директором: 1 год\n", bot.LastText(Young));
    }
}
