using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Mentorship;

/// <summary>A small district: one young director, three flagships of decreasing fit, and a coordinator.</summary>
public static class MentorshipSeed
{
    public const long Young = 101;
    public const long BestFlagship = 201;
    public const long SecondFlagship = 202;
    public const long ThirdFlagship = 203;
    public const long Coordinator = 901;

    public static async Task<BotHarness> StartAsync(
        int capacity = 2, Action<IDictionary<string, string?>>? configure = null, DatabaseProvider? provider = null)
    {
        var bot = await BotHarness.StartAsync(configure, provider: provider);
        await DirectorBuilder.Young(Young).Named("Иванова Мария Петровна").WithUsername("ivanova").WithDeficits("legal", "team", "parents").WithOffers("standards").SaveAsync(bot);
        await DirectorBuilder.Flagship(BestFlagship).Named("Петров Сергей Иванович").WithUsername("petrov").WithStrengths("legal", "team", "parents").WithCapacity(capacity).SaveAsync(bot);
        await DirectorBuilder.Flagship(SecondFlagship).Named("Сидорова Анна Павловна").WithStrengths("legal", "team").WithCapacity(capacity).SaveAsync(bot);
        await DirectorBuilder.Flagship(ThirdFlagship).Named("Кузнецов Олег Юрьевич").WithStrengths("parents").Urban().WithCapacity(capacity).SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        return bot;
    }

    /// <summary>The young director asks the best flagship, who accepts; returns the partnership id.</summary>
    public static async Task<long> PartnerAsync(BotHarness bot)
    {
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");
        await bot.PressAsync(BestFlagship, "Принять");
        return await bot.ScalarAsync<long>("SELECT id FROM partnerships WHERE mentee_id = @Young AND status = 'Active'", new { Young });
    }
}
