using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Journeys;

/// <summary>
/// A young director, two flagships and a coordinator walk the mentoring path together: registration, approval, a
/// request and its refusal, the coordinator's own choice, the partnership and its end. Each asserts what each person reads.
/// </summary>
public sealed class MentorJourneyTests
{
    private const long Young = 1101;
    private const long Flagship = 1201;
    private const long OtherFlagship = 1202;
    private const long Coordinator = 1901;

    private static async Task<Journey> StartAsync(BotHarness bot)
    {
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        // Strong in finance only: it covers none of the young director's deficits, so the engine never suggests it.
        await DirectorBuilder.Flagship(OtherFlagship).Named("Сидорова Анна Павловна").WithStrengths("finance").WithCapacity(2).SaveAsync(bot);
        return new Journey(bot, Young, Flagship, OtherFlagship, Coordinator);
    }

    [Fact]
    public async Task Refused_young_director_is_handed_to_the_coordinator_who_assigns_any_flagship_with_a_free_place()
    {
        await using var bot = await BotHarness.StartAsync();
        var journey = await StartAsync(bot);

        // A flagship registers and waits; the coordinator approves.
        await RegistrationScript.RegisterFlagshipAsync(bot, Flagship);
        await journey.CheckCommandsAsync();
        Assert.Contains("отправлена координатору", journey.Last(Flagship));
        Assert.Contains("Новая заявка директора-флагмана: Петров Сергей Иванович", journey.Last(Coordinator));
        await journey.SendAsync(Coordinator, "/approvals");
        await journey.PressAsync(Coordinator, "Подтвердить");
        Assert.Contains("анкета подтверждена координатором", journey.Last(Flagship));

        // The young director registers and asks the only flagship who covers a deficit.
        await RegistrationScript.RegisterYoungAsync(bot, Young);
        await journey.CheckCommandsAsync();
        Assert.Contains("/find_mentor", journey.Last(Young));
        await journey.SendAsync(Young, "/find_mentor");
        var offer = bot.Telegram.In(Young)[^1];
        Assert.Contains("Петров Сергей Иванович", offer.Text);
        Assert.DoesNotContain("Сидорова", offer.Text);
        await journey.PressAsync(Young, "Запрос: Петров");

        // The flagship's card speaks to the flagship, not to the young director.
        var card = journey.Last(Flagship);
        Assert.Contains("Почему предложены вы: вы закрываете 2 из 3 дефицитов молодого директора", card);
        Assert.DoesNotContain("ваших дефицитов", card);
        Assert.DoesNotContain("в ответ вы можете помочь", card);

        // The flagship declines; nobody else fits, so the coordinator is asked at once and the young director is told so.
        var youngBefore = journey.Count(Young);
        var coordinatorBefore = journey.Count(Coordinator);
        await journey.PressAsync(Flagship, "Отклонить");
        await journey.PressAsync(Flagship, "Нет свободного времени");
        Assert.Equal("Запрос отклонён. Молодой директор получит ваш ответ и сможет выбрать другого наставника.", journey.Last(Flagship));
        var told = journey.Since(Young, youngBefore);
        Assert.Contains("не может стать вашим наставником (Нет свободного времени)", told);
        Assert.Contains("Я попросил координатора района подобрать вам наставника вручную", told);
        Assert.DoesNotContain("варианты", told);
        Assert.Equal(youngBefore + 1, journey.Count(Young));
        Assert.Contains("Молодой директор: Иванова Мария Петровна (МАОУ СОШ № 9, Динской район). Назначить пару — /assign.",
            journey.Since(Coordinator, coordinatorBefore));

        // Asking for suggestions again does not offer to ask the coordinator a second time.
        await journey.SendAsync(Young, "/find_mentor");
        Assert.Contains("Координатор района уже знает, что вам нужен наставник", journey.Last(Young));
        Assert.Empty(bot.Telegram.In(Young)[^1].Buttons);

        // /assign offers the flagship outside the engine's shortlist, marked with the reason.
        await journey.SendAsync(Coordinator, "/assign");
        await journey.PressAsync(Coordinator, "Иванова");
        var choice = bot.Telegram.In(Coordinator)[^1];
        Assert.Contains("Сидорова Анна Павловна", choice.Text);
        Assert.Contains("Не в подборке молодого директора: флагман не закрывает ни одного из дефицитов молодого директора.", choice.Text);
        Assert.Contains("Не показаны флагманы, которым запрос этого молодого директора уже был отклонён или истёк: 1.", choice.Text);
        Assert.DoesNotContain("ваших дефицитов", choice.Text);
        Assert.DoesNotContain("вы можете помочь", choice.Text);
        Assert.Equal(["1. Сидорова А. П."], choice.Buttons.Select(b => b.Text[..b.Text.IndexOf(" —", StringComparison.Ordinal)]).ToList());
        await journey.PressAsync(Coordinator, "Сидорова");
        Assert.Contains("Предложение отправлено", journey.Last(Coordinator));
        Assert.Contains("Координатор предлагает вам наставничество", journey.Last(OtherFlagship));
        Assert.Contains("вы не закрываете ни одного из дефицитов молодого директора", journey.Last(OtherFlagship));

        // The old decline button of the first request is harmless.
        var requestId = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests WHERE mentor_id = @Flagship", new { Flagship });
        var flagshipMessages = journey.Count(Flagship);
        await journey.PressOldAsync(Flagship, $"req:acc:{requestId}", 1);
        Assert.Equal(flagshipMessages, journey.Count(Flagship));
        Assert.Equal("Этот запрос уже не ждёт ответа.", bot.Telegram.CallbackAnswers[^1].Text);

        // The pair runs, then the young director ends it early; the partner and the coordinator hear it.
        await journey.PressAsync(OtherFlagship, "Принять");
        Assert.Contains("Координатор назначил вам наставника", journey.Last(Young));
        Assert.Contains("Вы приняли запрос", journey.Last(OtherFlagship));
        await journey.SendAsync(Young, "/partnership");
        await journey.PressAsync(Young, "Завершить досрочно");
        coordinatorBefore = journey.Count(Coordinator);
        await journey.SendAsync(Young, "Перевели в другую школу");
        Assert.Contains("Причина: Перевели в другую школу", journey.Last(OtherFlagship));
        var ended = journey.Since(Coordinator, coordinatorBefore);
        Assert.Contains("Партнёрство завершено досрочно по решению молодого директора. Причина: Перевели в другую школу", ended);
        Assert.Contains("Молодой директор: Иванова Мария Петровна, МАОУ СОШ № 9", ended);
        Assert.Contains("Наставник: Сидорова Анна Павловна", ended);
    }

    [Fact]
    public async Task An_expired_request_with_nobody_left_asks_the_coordinator_and_promises_nothing_else()
    {
        await using var bot = await BotHarness.StartAsync();
        var journey = await StartAsync(bot);
        await DirectorBuilder.Flagship(Flagship).Named("Петров Сергей Иванович").WithStrengths("legal").SaveAsync(bot);
        await DirectorBuilder.Young(Young).Named("Иванова Мария Петровна").WithDeficits("legal").SaveAsync(bot);
        await journey.SendAsync(Young, "/find_mentor");
        await journey.PressAsync(Young, "Запрос: Петров");

        bot.Clock.Advance(TimeSpan.FromHours(72));
        await journey.SweepAsync();

        Assert.Equal("Запрос истёк без ответа и больше не ждёт вашего решения. Молодой директор: Иванова Мария Петровна.", journey.Last(Flagship));
        Assert.Contains("Срок ответа на ваш запрос истёк. Флагман: Петров Сергей Иванович.", journey.Last(Young));
        Assert.Contains("Я попросил координатора района", journey.Last(Young));
        Assert.Empty(bot.Telegram.In(Young)[^1].Buttons);
        Assert.Contains("нужен ваш выбор наставника", journey.Last(Coordinator));
    }

    [Fact]
    public async Task When_a_mentee_erases_their_data_the_flagship_is_not_sent_to_find_mentor_and_the_coordinator_is_told()
    {
        await using var bot = await BotHarness.StartAsync();
        var journey = await StartAsync(bot);
        await PairAsync(bot, journey);

        await journey.SendAsync(Young, "/delete_me");
        await journey.PressAsync(Young, "Да, удалить");

        Assert.Equal("Партнёрство завершено: молодой директор удалил свои данные из MentorBot. Место подопечного освободилось.", journey.Last(Flagship));
        var told = journey.Last(Coordinator);
        Assert.Contains("второй участник удалил свои данные", told);
        Assert.Contains("Наставник: Петров Сергей Иванович", told);
        Assert.DoesNotContain("Иванова", told);
    }

    [Fact]
    public async Task When_a_mentor_erases_their_data_the_young_director_may_find_another_and_the_coordinator_may_assign()
    {
        await using var bot = await BotHarness.StartAsync();
        var journey = await StartAsync(bot);
        await PairAsync(bot, journey);

        await journey.SendAsync(Flagship, "/delete_me");
        await journey.PressAsync(Flagship, "Да, удалить");

        Assert.Contains("Подобрать нового наставника — /find_mentor.", journey.Last(Young));
        var told = journey.Last(Coordinator);
        Assert.Contains("Молодой директор: Иванова Мария Петровна", told);
        Assert.Contains("/assign", told);
        Assert.DoesNotContain("Петров Сергей", told);
    }

    [Fact]
    public async Task A_partnership_that_reaches_its_end_is_reported_to_the_coordinator()
    {
        await using var bot = await BotHarness.StartAsync();
        var journey = await StartAsync(bot);
        await PairAsync(bot, journey);

        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await journey.SweepAsync();

        Assert.Contains("партнёрство завершено", journey.Last(Young));
        Assert.Contains("Срок соглашения истёк (23.11.2027), партнёрство завершено.", journey.Last(Coordinator));
    }

    private static async Task PairAsync(BotHarness bot, Journey journey)
    {
        await DirectorBuilder.Flagship(Flagship).Named("Петров Сергей Иванович").WithStrengths("legal", "team").SaveAsync(bot);
        await DirectorBuilder.Young(Young).Named("Иванова Мария Петровна").AtSchool("МАОУ СОШ № 9").WithDeficits("legal", "team").SaveAsync(bot);
        await journey.SendAsync(Young, "/find_mentor");
        await journey.PressAsync(Young, "Запрос: Петров");
        await journey.PressAsync(Flagship, "Принять");
        Assert.Contains("Ваш запрос принят", journey.Last(Young));
    }
}
