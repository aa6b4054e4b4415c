namespace MentorBot.Bot.Tests.Support;

/// <summary>Walks a person through consent and registration as they would in the chat.</summary>
public static class RegistrationScript
{
    public static async Task ConsentAsync(BotHarness bot, long userId, string startArguments = "")
    {
        await bot.SendTextAsync(userId, startArguments.Length == 0 ? "/start" : $"/start {startArguments}", username: $"user{userId}");
        await bot.PressAsync(userId, "Согласен");
    }

    public static async Task SchoolDataAsync(BotHarness bot, long userId, string name, bool districtPreset = false)
    {
        await bot.SendTextAsync(userId, name);
        await bot.SendTextAsync(userId, "директор");
        await bot.SendTextAsync(userId, "МАОУ СОШ № 9");
        if (!districtPreset)
        {
            await bot.PressAsync(userId, "Динской район");
        }
        await bot.SendTextAsync(userId, "ст. Динская");
        await bot.PressAsync(userId, "Сельская");
        await bot.PressAsync(userId, "до 300");
        await bot.PressAsync(userId, "ШНОР");
        await bot.SendTextAsync(userId, "2");
    }

    public static async Task RegisterYoungAsync(BotHarness bot, long userId, string name = "Иванова Мария Петровна")
    {
        await ConsentAsync(bot, userId);
        await bot.PressAsync(userId, "молодой директор");
        await SchoolDataAsync(bot, userId, name);
        await bot.PressAsync(userId, "Правовые вопросы");
        await bot.PressAsync(userId, "Управленческая команда");
        await bot.PressAsync(userId, "Взаимодействие с семьями");
        await bot.PressAsync(userId, "Готово");
        await bot.PressAsync(userId, "Управленческая команда");
        await bot.PressAsync(userId, "Правовые вопросы");
        await bot.PressAsync(userId, "Взаимодействие с семьями");
        await bot.PressAsync(userId, "Обновлённые ФГОС");
        await bot.PressAsync(userId, "Готово");
        await bot.SendTextAsync(userId, "Третий год директором, школа на 180 детей.");
        await bot.PressAsync(userId, "Сохранить");
    }

    public static async Task RegisterFlagshipAsync(BotHarness bot, long userId, string name = "Петров Сергей Иванович", string inviteCode = "")
    {
        await ConsentAsync(bot, userId, inviteCode);
        if (inviteCode.Length == 0)
        {
            await bot.PressAsync(userId, "директор-флагман");
        }
        await SchoolDataAsync(bot, userId, name, districtPreset: inviteCode.Length > 0);
        await bot.PressAsync(userId, "Правовые вопросы");
        await bot.PressAsync(userId, "Управленческая команда");
        await bot.PressAsync(userId, "Готово");
        await bot.PressAsync(userId, "3");
        await bot.PressAsync(userId, "Пропустить");
        await bot.PressAsync(userId, "Пропустить");
        await bot.PressAsync(userId, "Сохранить");
    }
}
