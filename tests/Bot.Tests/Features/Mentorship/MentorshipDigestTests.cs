using MentorBot.Bot.Reminders.Digest;
using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Features.Mentorship;

/// <summary>The mentorship sections of the coordinators' weekly digest, through the real sweep: stale partnerships and requests left waiting.</summary>
public sealed class MentorshipDigestTests
{
    private const long WaitingYoung = 102;
    private const long FreshYoung = 104;
    private const long OtherCoordinator = 902;
    // Monday 11 January 2027, 09:00 in Moscow: seven weeks after the partnership opened on Monday 23 November 2026.
    private static readonly DateTimeOffset DigestMonday = DateTimeOffset.Parse("2027-01-11T06:00:00Z");

    [Fact]
    public async Task The_digest_names_the_stale_partnership_and_the_request_waiting_over_48_hours_in_the_coordinators_districts()
    {
        await using var bot = await StartAsync();
        await CoordinatorSeed.AddAsync(bot, OtherCoordinator, "goryachy-klyuch");
        await PartnerAsync(bot);
        await SeedRequestsAsync(bot);

        bot.Clock.SetUtcNow(DigestMonday);
        await bot.SweepAsync();

        var digest = bot.LastText(Coordinator);
        Assert.Contains("Партнёрства без активности: 1 — /pairs\n• Петров Сергей Иванович — Иванова Мария Петровна, без активности с 23.11.2026", digest);
        Assert.Contains("Запросы без ответа дольше 48 часов: 1 — /pending\n• Смирнов Антон Ильич (Динской район) → Сидорова Анна Павловна", digest);
        Assert.DoesNotContain("Свежев", digest.Split("Запросы без ответа")[1]);
        var elsewhere = bot.LastText(OtherCoordinator);
        Assert.Contains("Партнёрства без активности: 0", elsewhere);
        Assert.Contains("Запросы без ответа дольше 48 часов: 0", elsewhere);
    }

    [Fact]
    public async Task The_waiting_requests_section_names_the_wait_it_was_configured_with()
    {
        await using var bot = await StartAsync(configure: settings => settings["Reminders:RequestNudgeAfter"] = "1.00:00:00");
        await SeedRequestsAsync(bot);

        bot.Clock.SetUtcNow(DigestMonday);
        await bot.SweepAsync();

        Assert.Contains("Запросы без ответа дольше 24 часов: 2 — /pending", bot.LastText(Coordinator));
    }

    /// <summary>A request 50 hours before the digest and one 30 hours before, and the digests planned.</summary>
    private static async Task SeedRequestsAsync(BotHarness bot)
    {
        await DirectorBuilder.Young(WaitingYoung).Named("Смирнов Антон Ильич").WithDeficits("legal", "team").SaveAsync(bot);
        await DirectorBuilder.Young(FreshYoung).Named("Свежев Игорь Олегович").WithDeficits("parents").SaveAsync(bot);
        bot.Clock.SetUtcNow(DigestMonday.AddHours(-50));
        await bot.SweepAsync();
        await bot.PressDataAsync(WaitingYoung, $"req:new:{SecondFlagship}");
        bot.Clock.SetUtcNow(DigestMonday.AddHours(-30));
        await bot.PressDataAsync(FreshYoung, $"req:new:{ThirdFlagship}");
        await bot.InScopeAsync(services => services.GetRequiredService<DigestPlanner>().PlanAllAsync());
    }
}
