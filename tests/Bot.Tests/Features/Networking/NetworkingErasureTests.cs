using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class NetworkingErasureTests
{
    private const long Young = 3801;
    private const long Flagship = 3802;
    private const long Peer = 3803;
    private const long Coordinator = 3890;

    [Fact]
    public async Task Deleting_oneself_erases_every_networking_trace_and_keeps_approved_practices_anonymous()
    {
        await using var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Young(Young).Named("Иванова Мария Петровна").WithUsername("ivanova_mp").SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).Named("Петров Сергей Иванович").WithUsername("petrov_si").AtSchool("Гимназия № 1").SaveAsync(bot);
        await DirectorBuilder.Young(Peer).SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");

        // The young director: settings, a search, an introduction, peer meetings, an internship request.
        await bot.SendTextAsync(Young, "/network");
        await bot.PressAsync(Young, "Показывать меня в поиске");
        await bot.SendTextAsync(Young, "/find гимназия");
        await bot.PressAsync(Young, "Написать: Петров");
        foreach (var id in new[] { Young, Peer })
        {
            await bot.SendTextAsync(id, "/coffee");
            await bot.PressAsync(id, "коллеги моего района");
        }
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        long approved = 0;
        await bot.InScopeAsync(async services =>
        {
            var practices = services.GetRequiredService<PracticeRepository>();
            approved = await practices.CreateAsync(new NewPractice(Flagship, "Гимназия № 1", "dinskoy", "Одобренная практика", "Описание", null, ["legal"]), TestClock.DefaultStart);
            await practices.ReviewAsync(approved, PracticeStatus.Approved, Coordinator, null, TestClock.DefaultStart);
            await practices.CreateAsync(new NewPractice(Flagship, "Гимназия № 1", "dinskoy", "Черновик Петрова", "Описание", null, ["legal"]), TestClock.DefaultStart);
            var internships = services.GetRequiredService<InternshipRepository>();
            var programme = await internships.CreateAsync(new NewInternshipProgramme(Flagship, "Гимназия № 1", "dinskoy", "Тема", new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 1), ["legal"]), Coordinator, TestClock.DefaultStart);
            await internships.RequestAsync(programme, Young, TestClock.DefaultStart);
        });

        await bot.SendTextAsync(Young, "/my_data");
        var export = System.Text.Encoding.UTF8.GetString(bot.Telegram.Documents.Last().Content);
        Assert.Contains("\"introductions\"", export);
        Assert.Contains("\"peer_meetings\"", export);
        Assert.Contains("\"internship_requests\"", export);

        await bot.SendTextAsync(Young, "/delete_me");
        await bot.PressAsync(Young, "Да, удалить");
        await bot.SendTextAsync(Flagship, "/delete_me");
        await bot.PressAsync(Flagship, "Да, удалить");
        await bot.SendTextAsync(Coordinator, "/delete_me");
        await bot.PressAsync(Coordinator, "Да, удалить");

        await DatabaseAssert.NoTraceOfAsync(bot, Young, "Иванова", "ivanova_mp");
        await DatabaseAssert.NoTraceOfAsync(bot, Flagship, "Петров", "petrov_si");
        await DatabaseAssert.NoTraceOfAsync(bot, Coordinator);
        Assert.Equal([("Одобренная практика", (long?)null)], await bot.QueryAsync<(string, long?)>("SELECT title, author_id FROM practices"));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM internship_programmes WHERE host_id IS NULL AND created_by IS NULL"));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM peer_group_members WHERE user_id = @Peer", new { Peer }));
    }
}
