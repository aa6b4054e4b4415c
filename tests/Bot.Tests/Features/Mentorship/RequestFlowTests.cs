using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Features.Mentorship;

public sealed class RequestFlowTests
{
    [Fact]
    public async Task Find_mentor_shows_the_top_three_with_reasons_and_request_buttons()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Young, "/find_mentor");

        var message = bot.Telegram.In(Young)[^1];
        Assert.Contains("1. Петров Сергей Иванович", message.Text);
        Assert.Contains("закрывает все ваши дефициты: правовые вопросы, делегирование, работа с родителями", message.Text);
        Assert.Contains("тот же район", message.Text);
        Assert.True(message.Text.IndexOf("Петров", StringComparison.Ordinal) < message.Text.IndexOf("Сидорова", StringComparison.Ordinal));
        Assert.Equal(["Запрос: Петров С. И.", "Запрос: Сидорова А. П.", "Запрос: Кузнецов О. Ю.", "Пусть выберет координатор"], message.Buttons.Select(b => b.Text).ToList());
    }

    [Fact]
    public async Task A_request_reaches_the_flagship_with_the_summary_and_accepting_opens_a_one_year_partnership()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        var request = bot.Telegram.In(BestFlagship)[^1];
        Assert.Contains("Иванова Мария Петровна", request.Text);
        Assert.Contains("1) Правовые вопросы и локальные акты; 2) Управленческая команда", request.Text);
        Assert.Contains("Может предложить в ответ: Обновлённые ФГОС и ФОП", request.Text);
        Assert.Contains("Запрос отправлен", bot.LastText(Young));

        await bot.PressAsync(BestFlagship, "Принять");

        var partnership = (await bot.QueryAsync<(string Status, string StartsOn, string EndsOn, string Goals)>(
            "SELECT status, starts_on, ends_on, goals FROM partnerships WHERE mentee_id = @Young", new { Young })).Single();
        Assert.Equal(("Active", "2026-11-23", "2027-11-23", "legal,team,parents"), partnership);
        Assert.Contains("tg://user?id=101", bot.Telegram.In(BestFlagship)[^1].Html);
        Assert.Contains("@ivanova", bot.LastText(BestFlagship));
        Assert.Contains("tg://user?id=201", bot.Telegram.In(Young)[^1].Html);
        Assert.Contains("Назначить встречу", bot.Telegram.In(Young)[^1].Buttons[0].Text);
        Assert.Equal("Accepted", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
    }

    [Fact]
    public async Task A_mentee_has_at_most_one_pending_request()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        await bot.PressDataAsync(Young, $"req:new:{SecondFlagship}");
        await bot.SendTextAsync(Young, "/find_mentor");

        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));
        Assert.Contains("ждёт ответа", bot.LastText(Young));
        Assert.Empty(bot.TextsIn(SecondFlagship));
    }

    [Fact]
    public async Task A_decline_with_a_reason_tells_the_mentee_kindly_and_offers_the_next_candidates_without_the_decliner()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        await bot.PressAsync(BestFlagship, "Отклонить");
        await bot.PressAsync(BestFlagship, "Нет свободного времени");

        var offer = bot.Telegram.In(Young)[^1];
        Assert.Contains("не может стать вашим наставником (Нет свободного времени)", offer.Text);
        Assert.Contains("Сидорова", offer.Text);
        Assert.DoesNotContain(offer.Buttons, b => b.Text.Contains("Петров", StringComparison.Ordinal));
        Assert.Equal(("Declined", "Нет свободного времени"),
            (await bot.QueryAsync<(string, string)>("SELECT status, decline_reason FROM mentor_requests")).Single());

        await bot.SendTextAsync(Young, "/find_mentor");
        Assert.DoesNotContain("Петров", bot.LastText(Young));
    }

    [Fact]
    public async Task A_decline_may_give_no_reason_or_a_typed_one()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");
        await bot.PressAsync(BestFlagship, "Отклонить");
        await bot.SendTextAsync(BestFlagship, "Весь декабрь в командировке");

        Assert.Equal("Весь декабрь в командировке", await bot.ScalarAsync<string>("SELECT decline_reason FROM mentor_requests"));
        await bot.PressAsync(Young, "Запрос: Сидорова");
        await bot.PressAsync(SecondFlagship, "Отклонить");
        await bot.PressAsync(SecondFlagship, "Без объяснения");
        Assert.Contains("не может стать вашим наставником.", bot.TextsIn(Young)[^1]);
    }

    [Fact]
    public async Task An_unanswered_request_nudges_at_48_hours_and_expires_at_72_with_the_next_candidates()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        bot.Clock.Advance(TimeSpan.FromHours(48));
        await bot.SweepAsync();
        Assert.Contains("ждёт вашего ответа", bot.LastText(BestFlagship));
        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));

        bot.Clock.Advance(TimeSpan.FromHours(24));
        await bot.SweepAsync();

        Assert.Equal("Expired", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        Assert.Contains("Срок ответа на ваш запрос истёк", bot.LastText(Young));
        Assert.DoesNotContain(bot.Telegram.In(Young)[^1].Buttons, b => b.Text.Contains("Петров", StringComparison.Ordinal));
        Assert.Contains("истёк без ответа", bot.LastText(BestFlagship));
    }

    [Fact]
    public async Task An_answered_request_neither_nudges_nor_expires()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        var before = bot.Telegram.Messages.Count;

        bot.Clock.Advance(TimeSpan.FromHours(80));
        await bot.SweepAsync();

        Assert.DoesNotContain(bot.Telegram.Messages.Skip(before), m => m.Text.Contains("ждёт вашего ответа") || m.Text.Contains("вовремя"));
        Assert.Equal("Accepted", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
    }

    [Fact]
    public async Task A_withdrawn_request_tells_the_flagship_and_can_no_longer_be_accepted()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        await bot.PressAsync(Young, "Отозвать");
        await bot.PressAsync(BestFlagship, "Принять");

        Assert.Equal("Withdrawn", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        Assert.Contains("Запрос на наставничество отозван. Молодой директор:", bot.TextsIn(BestFlagship)[^1]);
        Assert.Equal("Этот запрос уже не ждёт ответа.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships"));
    }

    [Fact]
    public async Task A_flagship_who_becomes_unavailable_releases_pending_requests_to_the_next_candidates()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        // Asking only shows the state: nothing changes until a button says so.
        await bot.SendTextAsync(BestFlagship, "/availability");
        Assert.Equal("Сейчас вы принимаете новые запросы. Ждут вашего ответа: 1.\nЕсли приостановить приём, ждущие запросы перейдут к другим наставникам.",
            bot.LastText(BestFlagship));
        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        var youngMessages = bot.TextsIn(Young).Count;

        var question = bot.Telegram.In(BestFlagship)[^1];
        var pause = bot.Telegram.ButtonsOf(BestFlagship, question.MessageId).Single(b => b.Text == "Приостановить приём").CallbackData!;
        await bot.PressDataAsync(BestFlagship, pause, question.MessageId);
        await bot.PressDataAsync(BestFlagship, pause, question.MessageId);

        Assert.Equal("Released", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        Assert.Contains("передано другим наставникам: 1", bot.TextsIn(BestFlagship)[^2]);
        Assert.Equal("Ничего не изменилось: вы не принимаете новые запросы.", bot.LastText(BestFlagship));
        Assert.Equal(youngMessages + 1, bot.TextsIn(Young).Count);
        Assert.Contains("временно не берёт", bot.LastText(Young));
        await bot.SendTextAsync(Young, "/find_mentor");
        Assert.DoesNotContain("Петров", bot.LastText(Young));
        await bot.SendTextAsync(BestFlagship, "/availability");
        Assert.Equal("Сейчас вы не принимаете новые запросы.", bot.LastText(BestFlagship));
        await bot.PressAsync(BestFlagship, "Возобновить приём");
        Assert.Contains("снова принимаете", bot.LastText(BestFlagship));
    }

    [Fact]
    public async Task Requests_lists_what_waits_and_mentees_lists_partnerships()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressAsync(Young, "Запрос: Петров");

        await bot.SendTextAsync(BestFlagship, "/requests");
        Assert.Contains("Иванова Мария Петровна", bot.LastText(BestFlagship));
        await bot.PressAsync(BestFlagship, "Принять");
        await bot.SendTextAsync(BestFlagship, "/mentees");

        Assert.Contains("Иванова Мария Петровна", bot.LastText(BestFlagship));
        await bot.SendTextAsync(BestFlagship, "/requests");
        Assert.Contains("Запросов, ждущих ответа, нет", bot.LastText(BestFlagship));
    }

    [Fact]
    public async Task Letting_the_coordinator_choose_tells_the_districts_coordinator()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");

        await bot.PressAsync(Young, "Пусть выберет координатор");

        Assert.Contains("передал просьбу координатору", bot.LastText(Young));
        Assert.Contains("Иванова Мария Петровна", bot.LastText(Coordinator));
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM coordinator_choice_wishes"));
    }

    [Fact]
    public async Task A_second_press_or_one_after_finding_a_mentor_does_not_ask_the_coordinator_again()
    {
        await using var bot = await StartAsync();
        await bot.SendTextAsync(Young, "/find_mentor");
        await bot.PressDataAsync(Young, "req:coord");
        var coordinatorMessages = bot.TextsIn(Coordinator).Count;
        var youngMessages = bot.TextsIn(Young).Count;

        await bot.PressDataAsync(Young, "req:coord");
        Assert.Equal("Координатор уже знает о вашей просьбе. Когда наставник будет назначен, я напишу.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(youngMessages, bot.TextsIn(Young).Count);
        Assert.Equal(coordinatorMessages, bot.TextsIn(Coordinator).Count);

        await bot.PressDataAsync(Young, $"req:new:{BestFlagship}");
        await bot.PressAsync(BestFlagship, "Принять");
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM coordinator_choice_wishes"));
        youngMessages = bot.TextsIn(Young).Count;
        await bot.PressDataAsync(Young, "req:coord");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM coordinator_choice_wishes"));
        Assert.Contains("уже есть наставник", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(coordinatorMessages, bot.TextsIn(Coordinator).Count);
        Assert.Equal(youngMessages, bot.TextsIn(Young).Count);
    }

    [Fact]
    public async Task A_coordinator_assigns_a_pair_the_flagship_confirms_and_the_mentee_learns_who_and_why()
    {
        await using var bot = await StartAsync();

        await bot.SendTextAsync(Coordinator, "/assign");
        await bot.PressAsync(Coordinator, "Иванова");
        await bot.PressAsync(Coordinator, "Сидорова");
        Assert.Contains("Предложение отправлено", bot.LastText(Coordinator));
        Assert.Contains("Координатор предлагает вам наставничество", bot.LastText(SecondFlagship));
        Assert.Empty(bot.TextsIn(Young));

        await bot.PressAsync(SecondFlagship, "Принять");

        Assert.Contains("Координатор назначил вам наставника", bot.LastText(Young));
        Assert.Contains("Почему: закрывает 2 из 3 ваших дефицитов", bot.LastText(Young));
        Assert.Equal(("Coordinator", Coordinator), (await bot.QueryAsync<(string, long)>("SELECT origin, proposed_by FROM mentor_requests")).Single());
    }

    [Fact]
    public async Task Assign_is_scoped_to_the_coordinators_districts()
    {
        await using var bot = await StartAsync();
        await CoordinatorSeed.AddAsync(bot, 902, "goryachy-klyuch");

        await bot.SendTextAsync(902, "/assign");
        Assert.Contains("нет молодых директоров", bot.LastText(902));
        await bot.PressDataAsync(902, $"asg:p:{Young}:{BestFlagship}");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests"));
        Assert.Equal("Эта кнопка вам недоступна.", bot.Telegram.CallbackAnswers[^1].Text);
    }
}
