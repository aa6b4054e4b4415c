using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Coordination;

public sealed class ApprovalsTests
{
    private const long Coordinator = 4900;
    private const long Applicant = 4001;

    [Fact]
    public async Task A_coordinator_approves_a_pending_flagship_who_is_told_and_gains_the_role()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Flagship(Applicant).Pending().Named("Петрова Анна Сергеевна").SaveAsync(bot);

        await bot.SendTextAsync(Coordinator, "/approvals");
        Assert.Contains("Петрова Анна Сергеевна", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "Подтвердить");

        Assert.Equal("Approved", await bot.ScalarAsync<string>("SELECT status FROM people WHERE user_id = @Applicant", new { Applicant }));
        Assert.Equal(Coordinator, await bot.ScalarAsync<long>("SELECT reviewed_by FROM people WHERE user_id = @Applicant", new { Applicant }));
        Assert.Contains("анкета подтверждена координатором", bot.LastText(Applicant));
        await bot.SendTextAsync(Applicant, "/help");
        Assert.DoesNotContain("/approvals", bot.LastText(Applicant));
    }

    [Fact]
    public async Task A_rejection_takes_a_typed_reason_and_the_applicant_reads_it()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Flagship(Applicant).Pending().SaveAsync(bot);

        await bot.SendTextAsync(Coordinator, "/approvals");
        await bot.PressAsync(Coordinator, "Отклонить");
        await bot.SendTextAsync(Coordinator, "Школа пока не прошла <мониторинг>");

        Assert.Equal("Rejected", await bot.ScalarAsync<string>("SELECT status FROM people WHERE user_id = @Applicant", new { Applicant }));
        Assert.Equal("Школа пока не прошла <мониторинг>", await bot.ScalarAsync<string>("SELECT rejection_reason FROM people WHERE user_id = @Applicant", new { Applicant }));
        Assert.Contains("Причина: Школа пока не прошла <мониторинг>", bot.LastText(Applicant));
        Assert.Contains("&lt;мониторинг&gt;", bot.Telegram.In(Applicant)[^1].Html);
    }

    [Fact]
    public async Task A_rejection_reason_can_be_chosen_from_the_list()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Flagship(Applicant).Pending().SaveAsync(bot);

        await bot.SendTextAsync(Coordinator, "/approvals");
        await bot.PressAsync(Coordinator, "Отклонить");
        await bot.PressAsync(Coordinator, "Повторная заявка");

        Assert.Equal("Повторная заявка", await bot.ScalarAsync<string>("SELECT rejection_reason FROM people WHERE user_id = @Applicant", new { Applicant }));
    }

    [Fact]
    public async Task A_second_press_on_approve_changes_nothing_and_says_so()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await CoordinatorSeed.AddAsync(bot, Coordinator + 1, "dinskoy");
        await DirectorBuilder.Flagship(Applicant).Pending().SaveAsync(bot);

        await bot.PressDataAsync(Coordinator, $"appr:ok:{Applicant}");
        await bot.PressDataAsync(Coordinator + 1, $"appr:no:{Applicant}");

        Assert.Equal("Approved", await bot.ScalarAsync<string>("SELECT status FROM people WHERE user_id = @Applicant", new { Applicant }));
        Assert.Equal("Эту заявку уже рассмотрели.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
    }

    [Fact]
    public async Task A_regional_coordinator_sees_applicants_of_every_district_of_the_region()
    {
        await using var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddRegionalAsync(bot, Coordinator, "Краснодарский край");
        await DirectorBuilder.Flagship(Applicant).Pending().Named("Первая Заявка Динская").SaveAsync(bot);
        await DirectorBuilder.Flagship(Applicant + 1).Pending().Named("Вторая Заявка Ключ").InDistrict("goryachy-klyuch").SaveAsync(bot);

        await bot.SendTextAsync(Coordinator, "/approvals");

        var texts = string.Join("\n", bot.TextsIn(Coordinator));
        Assert.Contains("Первая Заявка Динская", texts);
        Assert.Contains("Вторая Заявка Ключ", texts);
    }
}
