using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders.Digest;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Bot.Tests.Reminders;

public sealed class WeeklyDigestTests
{
    private const long DinskoyCoordinator = 901;
    private const long KlyuchCoordinator = 902;
    private const long RegionalCoordinator = 903;
    private const long VladivostokCoordinator = 904;
    // FakeTimeProvider starts on Monday 23 November 2026, 10:00 in Moscow; the next digest is Monday the 30th, 09:00 Moscow time.
    private static readonly DateTimeOffset NextMondayNineMoscow = DateTimeOffset.Parse("2026-11-30T06:00:00Z");

    private static async Task<int> PlanAsync(BotHarness bot)
    {
        var planned = 0;
        await bot.InScopeAsync(async services => planned = await services.GetRequiredService<DigestPlanner>().PlanAllAsync());
        return planned;
    }

    private static async Task SeedDistrictsAsync(BotHarness bot)
    {
        await CoordinatorSeed.AddAsync(bot, DinskoyCoordinator, "dinskoy");
        await CoordinatorSeed.AddAsync(bot, KlyuchCoordinator, "goryachy-klyuch");
        await CoordinatorSeed.AddRegionalAsync(bot, RegionalCoordinator, "Краснодарский край");
        await DirectorBuilder.Young(701).Named("Анна Новикова").InDistrict("dinskoy").AtSchool("СОШ № 9").SaveAsync(bot);
        await DirectorBuilder.Flagship(702).Named("Борис Ждущий").InDistrict("dinskoy").AtSchool("СОШ № 1").Pending().SaveAsync(bot);
        await DirectorBuilder.Young(703).Named("Вера Ключевая").InDistrict("goryachy-klyuch").SaveAsync(bot);
        // Registered a month ago and approved: neither new nor pending.
        var old = DirectorBuilder.Flagship(704).Named("Григорий Давний").InDistrict("goryachy-klyuch").Build() with
        {
            CreatedAt = TestClock.DefaultStart.AddDays(-30),
        };
        await bot.InScopeAsync(services => services.GetRequiredService<PeopleRepository>().SaveAsync(old));
    }

    [Fact]
    public async Task Each_coordinator_gets_one_digest_planned_for_monday_nine_local_time_per_week()
    {
        await using var bot = await ReminderBot.StartAsync();
        await CoordinatorSeed.AddAsync(bot, DinskoyCoordinator, "dinskoy");
        await CoordinatorSeed.AddAsync(bot, VladivostokCoordinator, ReminderBot.Vladivostok);

        Assert.Equal(2, await PlanAsync(bot));
        Assert.Equal(0, await PlanAsync(bot));

        var rows = await bot.RemindersAsync();
        Assert.Equal([WeeklyDigest.Kind, WeeklyDigest.Kind], rows.Select(r => r.Kind));
        Assert.Equal(NextMondayNineMoscow, rows.Single(r => r.RecipientId == DinskoyCoordinator).DueAt);
        // 09:00 in Vladivostok on Monday the 30th is 23:00 UTC on Sunday the 29th.
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T23:00:00Z"), rows.Single(r => r.RecipientId == VladivostokCoordinator).DueAt);
    }

    [Fact]
    public async Task The_digest_reports_only_the_coordinators_districts_and_plans_the_next_week()
    {
        await using var bot = await ReminderBot.StartAsync();
        await SeedDistrictsAsync(bot);
        await PlanAsync(bot);

        bot.Clock.SetUtcNow(NextMondayNineMoscow);
        Assert.Equal(3, (await bot.SweepAsync()).Sent);

        var dinskoy = Assert.Single(bot.TextsIn(DinskoyCoordinator));
        Assert.StartsWith("Сводка за неделю — Динской район", dinskoy);
        Assert.Contains("Новые анкеты за неделю: 2", dinskoy);
        Assert.Contains("Анна Новикова — молодой директор, СОШ № 9 (Динской район)", dinskoy);
        Assert.Contains("Флагманы ждут подтверждения: 1 — /approvals\n• Борис Ждущий, СОШ № 1 (Динской район), ждёт 6 дней", dinskoy);
        Assert.Contains("Молодые директора без наставника: 1\n• Анна Новикова", dinskoy);
        Assert.DoesNotContain("Вера", dinskoy);
        Assert.DoesNotContain("Григорий", dinskoy);

        var klyuch = Assert.Single(bot.TextsIn(KlyuchCoordinator));
        Assert.Contains("Новые анкеты за неделю: 1\n• Вера Ключевая", klyuch);
        Assert.Contains("Флагманы ждут подтверждения: 0", klyuch);
        Assert.DoesNotContain("Анна", klyuch);
        Assert.DoesNotContain("Борис", klyuch);

        var regional = Assert.Single(bot.TextsIn(RegionalCoordinator));
        Assert.Contains("Динской район, г. Горячий Ключ", regional);
        Assert.Contains("Новые анкеты за неделю: 3", regional);
        Assert.Contains("Молодые директора без наставника: 2", regional);

        var next = (await bot.RemindersAsync()).Where(r => r.State == "pending").ToList();
        Assert.Equal(3, next.Count);
        Assert.All(next, r => Assert.Equal(NextMondayNineMoscow.AddDays(7), r.DueAt));
        Assert.Equal(0, await PlanAsync(bot));
    }

    [Fact]
    public async Task Features_extend_the_digest_with_sections_and_tell_it_who_has_a_mentor()
    {
        await using var bot = await ReminderBot.StartAsync(services =>
        {
            services.AddScoped<IDigestSection, WaitingRequestsSection>();
            services.AddScoped<IMentoredDirectors, MentoredByTest>();
        });
        await SeedDistrictsAsync(bot);
        await PlanAsync(bot);

        bot.Clock.SetUtcNow(NextMondayNineMoscow);
        await bot.SweepAsync();

        var digest = Assert.Single(bot.TextsIn(DinskoyCoordinator));
        Assert.Contains("Молодые директора без наставника: 0", digest);
        Assert.EndsWith("Запросы без ответа больше 48 ч: 1\n• СОШ № 9 → СОШ № 1", digest);
    }

    [Fact]
    public async Task A_coordinator_removed_meanwhile_gets_no_digest()
    {
        await using var bot = await ReminderBot.StartAsync();
        await CoordinatorSeed.AddAsync(bot, DinskoyCoordinator, "dinskoy");
        await PlanAsync(bot);

        await bot.InScopeAsync(services => services.GetRequiredService<CoordinatorRepository>().DeleteAsync(DinskoyCoordinator));
        bot.Clock.SetUtcNow(NextMondayNineMoscow);
        await bot.SweepAsync();

        Assert.Empty(bot.Telegram.Messages);
        Assert.Equal(["cancelled"], (await bot.RemindersAsync()).Select(r => r.State));
    }

    private sealed class WaitingRequestsSection : IDigestSection
    {
        public int Order => int.MaxValue;

        public Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken) =>
            Task.FromResult(ReminderTexts.DigestSection("Запросы без ответа больше 48 ч", [Html.Text("СОШ № 9 → СОШ № 1")]));
    }

    private sealed class MentoredByTest : IMentoredDirectors
    {
        public Task<IReadOnlySet<long>> AmongAsync(IReadOnlyCollection<long> youngDirectorIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<long>>(new HashSet<long> { 701 });
    }
}
