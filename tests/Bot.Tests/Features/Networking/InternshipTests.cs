using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Networking.InternshipSites;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class InternshipTests
{
    private const long Host = 3501;
    private const long Young = 3502;
    private const long SecondYoung = 3503;
    private const long Coordinator = 3590;
    private const long OtherCoordinator = 3591;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await DirectorBuilder.Flagship(Host).Named("Щепелина Светлана Львовна").AtSchool("МКОУ СШ № 7 имени Королёва").SaveAsync(bot);
        await DirectorBuilder.Young(Young).Named("Иванова Мария Петровна").SaveAsync(bot);
        await DirectorBuilder.Young(SecondYoung).Named("Орлов Павел Андреевич").SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await CoordinatorSeed.AddAsync(bot, OtherCoordinator, "goryachy-klyuch");
        return bot;
    }

    /// <summary>The coordinator marks the host's school as a site; returns the programme id.</summary>
    private static async Task<long> CreateSiteAsync(BotHarness bot)
    {
        await bot.SendTextAsync(Coordinator, "/sites");
        await bot.PressAsync(Coordinator, "Новая стажировочная площадка");
        await bot.SendTextAsync(Coordinator, "королев");
        await bot.PressAsync(Coordinator, "Щепелина С. Л.");
        await bot.SendTextAsync(Coordinator, "Повышение эффективности управления качеством образования");
        await bot.PressAsync(Coordinator, "Управление качеством образования");
        await bot.PressAsync(Coordinator, "Готово");
        await bot.SendTextAsync(Coordinator, "01.12.2026");
        await bot.SendTextAsync(Coordinator, "30.04.2027");
        await bot.PressAsync(Coordinator, "Сохранить");
        return await bot.ScalarAsync<long>("SELECT id FROM internship_programmes");
    }

    private static async Task<IReadOnlyList<long>> AudienceAsync(BotHarness bot, long programmeId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IInternshipParticipants>().ListAsync(programmeId, CancellationToken.None);
    }

    /// <summary>Who an announcement to the programme's group reaches, resolved as a broadcast would.</summary>
    private static async Task<IReadOnlyList<long>> AnnouncementRecipientsAsync(BotHarness bot, string district)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var audiences = scope.ServiceProvider.GetRequiredService<AudienceResolver>();
        var recipients = new List<long>();
        foreach (var group in await audiences.GroupsAsync([district], CancellationToken.None))
        {
            recipients.AddRange(await audiences.RecipientsAsync(new AnnouncementAudience { Group = group }, 0, CancellationToken.None));
        }
        return recipients;
    }

    [Fact]
    public async Task A_coordinator_marks_a_school_as_a_site_and_its_director_is_told()
    {
        await using var bot = await StartAsync();

        var id = await CreateSiteAsync(bot);

        var row = (await bot.QueryAsync<(long, string, string, string, string)>(
            "SELECT host_id, school, district, starts_on, ends_on FROM internship_programmes WHERE id = @id", new { id })).Single();
        Assert.Equal((Host, "МКОУ СШ № 7 имени Королёва", "dinskoy", "2026-12-01", "2027-04-30"), row);
        Assert.Equal("quality", await bot.ScalarAsync<string>("SELECT code FROM internship_codes WHERE programme_id = @id", new { id }));
        Assert.Contains("стажировочная площадка", bot.LastText(Host));
    }

    [Fact]
    public async Task A_director_asks_to_join_the_coordinator_confirms_and_only_confirmed_participants_are_the_audience()
    {
        await using var bot = await StartAsync();
        var id = await CreateSiteAsync(bot);

        await bot.SendTextAsync(Young, "/internships");
        Assert.Contains("Повышение эффективности управления качеством образования", bot.LastText(Young));
        await bot.PressAsync(Young, "Заявка 1");
        await bot.SendTextAsync(SecondYoung, "/internships");
        await bot.PressAsync(SecondYoung, "Заявка 1");

        Assert.Contains("отправлена координатору", bot.LastText(Young));
        Assert.Contains("Иванова Мария Петровна", string.Join("\n", bot.TextsIn(Coordinator)));
        Assert.Empty(await AudienceAsync(bot, id));

        await bot.PressAsync(Coordinator, "✅ Иванова");

        Assert.Contains("Вы участник программы", bot.LastText(Young));
        Assert.Equal([Young], await AudienceAsync(bot, id));
        Assert.Equal([Young], await AnnouncementRecipientsAsync(bot, "dinskoy"));
        Assert.Empty(await AnnouncementRecipientsAsync(bot, "goryachy-klyuch"));
        await bot.SendTextAsync(Coordinator, "/sites");
        Assert.Contains("заявок ждёт решения: 1, участников: 1", bot.LastText(Coordinator));
        await bot.SendTextAsync(Young, "/internships");
        Assert.Contains("Вы участник", bot.LastText(Young));
        Assert.DoesNotContain(bot.Telegram.In(Young).Last().Buttons, b => b.Text.StartsWith("Заявка", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decisions_are_checked_against_the_coordinators_districts_and_the_requests_state()
    {
        await using var bot = await StartAsync();
        var id = await CreateSiteAsync(bot);
        await bot.PressDataAsync(Young, $"site:j:{id}");

        await bot.PressDataAsync(OtherCoordinator, $"sites:ok:{id}:{Young}");
        await bot.PressDataAsync(SecondYoung, $"sites:ok:{id}:{Young}");
        Assert.Equal("Requested", await bot.ScalarAsync<string>("SELECT status FROM internship_participants"));

        await bot.PressDataAsync(Coordinator, $"sites:no:{id}:{Young}");
        await bot.PressDataAsync(Coordinator, $"sites:ok:{id}:{Young}");

        Assert.Equal("Declined", await bot.ScalarAsync<string>("SELECT status FROM internship_participants"));
        Assert.Contains("уже принято решение", bot.Telegram.CallbackAnswers.Last().Text);
        Assert.Contains("отклонена координатором", bot.LastText(Young));
        Assert.Empty(await AudienceAsync(bot, id));
        await bot.PressDataAsync(Young, $"site:j:{id}");
        Assert.Contains("уже рассмотрена", bot.Telegram.CallbackAnswers.Last().Text);
    }

    [Fact]
    public async Task A_programme_that_ended_takes_no_more_requests()
    {
        await using var bot = await StartAsync();
        var id = await CreateSiteAsync(bot);

        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero));
        await bot.SendTextAsync(Young, "/internships");
        await bot.PressDataAsync(Young, $"site:j:{id}");

        Assert.Contains("нет открытых программ", bot.TextsIn(Young)[^1]);
        Assert.Contains("завершилась", bot.Telegram.CallbackAnswers.Last().Text);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM internship_participants"));
    }

    [Fact]
    public async Task The_site_director_may_then_publish_practices()
    {
        await using var bot = await StartAsync();
        await DirectorBuilder.Young(3504).SaveAsync(bot);
        await bot.SendTextAsync(3504, "/publish_practice");
        Assert.Contains("Эта команда вам недоступна", bot.LastText(3504));

        await bot.QueryAsync<long>("INSERT INTO internship_programmes (host_id, school, district, theme, starts_on, ends_on, created_at) VALUES (3504, 'СОШ № 4', 'dinskoy', 'Тема', '2026-12-01', '2027-01-01', 0)");
        await bot.SendTextAsync(3504, "/publish_practice");

        Assert.Contains("Название практики", bot.LastText(3504));
    }
}
