using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Features.Mentorship;

public sealed class PartnershipTests
{
    [Fact]
    public async Task Either_side_adds_plan_items_and_chooses_their_status()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);

        await bot.SendTextAsync(Young, "/partnership");
        await bot.PressAsync(Young, "+ Пункт плана");
        await bot.SendTextAsync(Young, "Консультация по локальным актам");
        await bot.PressAsync(Young, "Партнёр");
        await bot.SendTextAsync(Young, "32.13.2026");
        Assert.Contains("Дата не распознана", bot.LastText(Young));
        await bot.SendTextAsync(Young, "15.12.2026");

        Assert.Contains("Пункт плана добавлен", bot.LastText(Young));
        Assert.Contains("В план добавлен пункт: Консультация по локальным актам (срок 15.12.2026)", bot.LastText(BestFlagship));
        Assert.Equal(("Mentor", "Planned"), (await bot.QueryAsync<(string, string)>("SELECT owner, status FROM plan_items")).Single());

        await bot.SendTextAsync(BestFlagship, "/partnership");
        await bot.PressAsync(BestFlagship, "Отметить пункт");
        await bot.PressAsync(BestFlagship, "Консультация");
        Assert.Contains("Сейчас: ○ запланировано. Выберите новый статус.", bot.LastText(BestFlagship));
        Assert.Equal(["В работе", "Выполнено", "Другой пункт"], StatusButtons(bot, BestFlagship));
        await bot.PressAsync(BestFlagship, "Выполнено");

        Assert.Equal("Done", await bot.ScalarAsync<string>("SELECT status FROM plan_items"));
        Assert.StartsWith("Статус пункта «Консультация по локальным актам»: выполнено. Партнёр получит одно уведомление", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Contains("Сейчас: ✅ выполнено.", bot.LastText(BestFlagship));
        Assert.Equal(["Запланировано", "В работе", "Другой пункт"], StatusButtons(bot, BestFlagship));
        await bot.SendTextAsync(Young, "/partnership");
        Assert.Contains("✅ Консультация по локальным актам — наставник, срок 15.12.2026", bot.LastText(Young));
    }

    [Fact]
    public async Task The_same_status_twice_and_a_button_from_before_a_change_change_nothing_and_say_so()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await AddPlanItemAsync(bot);
        await OpenPlanItemAsync(bot, Young);
        var youngDone = StatusButton(bot, Young, "Выполнено");
        await OpenPlanItemAsync(bot, BestFlagship);
        var inProgress = StatusButton(bot, BestFlagship, "В работе");
        var done = StatusButton(bot, BestFlagship, "Выполнено");

        await bot.PressDataAsync(BestFlagship, inProgress.Data, inProgress.MessageId);
        Assert.Equal("InProgress", await bot.ScalarAsync<string>("SELECT status FROM plan_items"));

        // The same old button again: the item already has that status.
        await bot.PressDataAsync(BestFlagship, inProgress.Data, inProgress.MessageId);
        Assert.Equal("InProgress", await bot.ScalarAsync<string>("SELECT status FROM plan_items"));
        Assert.Equal("Статус пункта «Консультация по локальным актам» уже такой: в работе. Ничего не изменено.", bot.Telegram.CallbackAnswers[^1].Text);

        // A button shown while the item was still planned: it no longer applies.
        await bot.PressDataAsync(BestFlagship, done.Data, done.MessageId);
        Assert.Equal("InProgress", await bot.ScalarAsync<string>("SELECT status FROM plan_items"));
        Assert.Equal("Кнопка устарела: статус пункта «Консультация по локальным актам» уже изменён, сейчас — в работе. Ничего не изменено.",
            bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Contains("Сейчас: ⏳ в работе.", bot.LastText(BestFlagship));

        // The young director's screen was opened before the flagship's change: pressing it twice changes nothing.
        await bot.PressDataAsync(Young, youngDone.Data, youngDone.MessageId);
        await bot.PressDataAsync(Young, youngDone.Data, youngDone.MessageId);
        Assert.Equal("InProgress", await bot.ScalarAsync<string>("SELECT status FROM plan_items"));
        Assert.Contains("сейчас — в работе. Ничего не изменено.", bot.Telegram.CallbackAnswers[^1].Text);
        // The refreshed screen works.
        await bot.PressAsync(Young, "Выполнено");
        Assert.Equal("Done", await bot.ScalarAsync<string>("SELECT status FROM plan_items"));
    }

    [Fact]
    public async Task The_partner_is_told_once_with_the_final_status_after_quick_changes()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await AddPlanItemAsync(bot);
        var youngMessages = bot.TextsIn(Young).Count;

        await OpenPlanItemAsync(bot, BestFlagship);
        await bot.PressAsync(BestFlagship, "В работе");
        bot.Clock.Advance(TimeSpan.FromSeconds(50));
        await bot.PressAsync(BestFlagship, "Выполнено");
        bot.Clock.Advance(TimeSpan.FromSeconds(50));
        await bot.PressAsync(BestFlagship, "Запланировано");
        bot.Clock.Advance(TimeSpan.FromSeconds(50));
        await bot.PressAsync(BestFlagship, "Выполнено");
        // Two minutes after the first change, but not after the last: still nothing.
        bot.Clock.Advance(TimeSpan.FromSeconds(50));
        await bot.SweepAsync();
        Assert.Equal(youngMessages, bot.TextsIn(Young).Count);

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await bot.SweepAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(10));
        await bot.SweepAsync();

        Assert.Equal(
            "План адресных мер поддержки: пункт «Консультация по локальным актам» — теперь выполнено (было: запланировано).\n"
            + "Изменение от партнёра: Петров Сергей Иванович. Карточка — /partnership.",
            Assert.Single(bot.TextsIn(Young).Skip(youngMessages)));
        Assert.Equal(youngMessages + 1, bot.TextsIn(Young).Count);

        // A later change is a new burst: told again, from the status the young director was told of.
        await bot.PressAsync(BestFlagship, "В работе");
        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        await bot.SweepAsync();
        Assert.Equal(youngMessages + 2, bot.TextsIn(Young).Count);
        Assert.Contains("— теперь в работе (было: выполнено)", bot.LastText(Young));
    }

    [Fact]
    public async Task The_partner_is_not_told_when_the_status_returns_to_where_it_started()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await AddPlanItemAsync(bot);
        var youngMessages = bot.TextsIn(Young).Count;

        await OpenPlanItemAsync(bot, BestFlagship);
        await bot.PressAsync(BestFlagship, "Выполнено");
        bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await bot.PressAsync(BestFlagship, "Запланировано");
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        await bot.SweepAsync();

        Assert.Equal(youngMessages, bot.TextsIn(Young).Count);
        Assert.Equal("cancelled", await bot.ScalarAsync<string>("SELECT state FROM reminders WHERE kind = 'plan-item.changed'"));
    }

    [Fact]
    public async Task A_partner_who_changes_the_item_meanwhile_is_not_told_of_what_they_saw_and_the_other_is_told_of_their_change()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await AddPlanItemAsync(bot);

        await OpenPlanItemAsync(bot, BestFlagship);
        await bot.PressAsync(BestFlagship, "Выполнено");
        var mentorMessages = bot.TextsIn(BestFlagship).Count;
        bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await OpenPlanItemAsync(bot, Young);
        await bot.PressAsync(Young, "В работе");
        var youngMessages = bot.TextsIn(Young).Count;
        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        await bot.SweepAsync();

        Assert.Equal(youngMessages, bot.TextsIn(Young).Count);
        Assert.Contains("— теперь в работе (было: выполнено).\nИзменение от партнёра: Иванова Мария Петровна.", bot.LastText(BestFlagship));
        Assert.Equal(mentorMessages + 1, bot.TextsIn(BestFlagship).Count);
    }

    private static async Task AddPlanItemAsync(BotHarness bot)
    {
        await bot.SendTextAsync(Young, "/partnership");
        await bot.PressAsync(Young, "+ Пункт плана");
        await bot.SendTextAsync(Young, "Консультация по локальным актам");
        await bot.PressAsync(Young, "Вместе");
        await bot.SendTextAsync(Young, "15.12.2026");
    }

    private static async Task OpenPlanItemAsync(BotHarness bot, long userId)
    {
        await bot.SendTextAsync(userId, "/partnership");
        await bot.PressAsync(userId, "Отметить пункт");
        await bot.PressAsync(userId, "Консультация");
    }

    private static (string Data, int MessageId) StatusButton(BotHarness bot, long userId, string label)
    {
        var screen = bot.Telegram.In(userId)[^1];
        return (bot.Telegram.ButtonsOf(userId, screen.MessageId).Single(b => b.Text == label).CallbackData!, screen.MessageId);
    }

    private static List<string> StatusButtons(BotHarness bot, long userId) =>
        bot.Telegram.ButtonsOf(userId, bot.Telegram.In(userId)[^1].MessageId).Select(b => b.Text).ToList();

    [Fact]
    public async Task A_meeting_is_set_in_the_districts_time_and_reminded_a_day_and_an_hour_before()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await bot.SendTextAsync(BestFlagship, "/partnership");

        await bot.PressAsync(BestFlagship, "Назначить встречу");
        await bot.SendTextAsync(BestFlagship, "25.11.2026");
        await bot.SendTextAsync(BestFlagship, "25:00");
        Assert.Contains("Время не распознано", bot.LastText(BestFlagship));
        await bot.SendTextAsync(BestFlagship, "15:30");
        await bot.PressAsync(BestFlagship, "визит в школу");
        await bot.SendTextAsync(BestFlagship, "Приеду к 15:30, кабинет директора");

        Assert.Contains("Встреча назначена: 25.11.2026 15:30, визит в школу", bot.LastText(BestFlagship));
        Assert.Contains("Новая встреча: 25.11.2026 15:30", bot.LastText(Young));
        // 15:30 in Europe/Moscow is 12:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), await bot.ScalarAsync<long>("SELECT starts_at FROM meetings"));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 12, 31, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.StartsWith("Завтра встреча:", bot.LastText(Young));
        Assert.Contains("Партнёр: Петров Сергей Иванович", bot.LastText(Young));
        Assert.StartsWith("Завтра встреча:", bot.LastText(BestFlagship));
        Assert.Contains("Партнёр: Иванова Мария Петровна", bot.LastText(BestFlagship));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 11, 31, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.Contains("Через час встреча", bot.LastText(Young));
    }

    [Fact]
    public async Task A_meeting_fixed_at_short_notice_gets_only_the_reminder_still_ahead()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        // 12:00 in Moscow; the meeting is at 15:30 the same day, too soon for the day-before reminder.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await SetMeetingAsync(bot, "24.11.2026", "15:30");
        Assert.Equal("Встреча назначена: 24.11.2026 15:30, онлайн. Я напомню за час.", bot.LastText(BestFlagship));
        var count = bot.TextsIn(Young).Count;

        await bot.SweepAsync();
        Assert.Equal(count, bot.TextsIn(Young).Count);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.Equal("Через час встреча: 24.11.2026 15:30, онлайн. Партнёр: Петров Сергей Иванович.", bot.LastText(Young));
        Assert.Equal(count + 1, bot.TextsIn(Young).Count);
        Assert.Equal(2L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM reminders WHERE kind = 'meeting.soon'"));
    }

    [Fact]
    public async Task A_meeting_reminder_held_through_quiet_hours_says_how_long_is_really_left()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
        await SetMeetingAsync(bot, "25.11.2026", "09:30");
        Assert.Contains("Я напомню за сутки и за час.", bot.LastText(BestFlagship));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 6, 31, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.Equal("Завтра встреча: 25.11.2026 09:30, онлайн. Партнёр: Петров Сергей Иванович.", bot.LastText(Young));

        // The hour-before reminder falls due at 08:30 in Moscow, within quiet hours, and goes at 09:00.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 5, 31, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.StartsWith("Завтра", bot.LastText(Young));
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.Equal("Через 30 мин встреча: 25.11.2026 09:30, онлайн. Партнёр: Петров Сергей Иванович.", bot.LastText(Young));
    }

    private static async Task SetMeetingAsync(BotHarness bot, string date, string time)
    {
        await bot.SendTextAsync(BestFlagship, "/partnership");
        await bot.PressAsync(BestFlagship, "Назначить встречу");
        await bot.SendTextAsync(BestFlagship, date);
        await bot.SendTextAsync(BestFlagship, time);
        await bot.PressAsync(BestFlagship, "онлайн");
        await bot.PressAsync(BestFlagship, "Пропустить");
    }

    [Fact]
    public async Task A_meeting_in_the_past_is_refused()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await bot.SendTextAsync(Young, "/partnership");
        await bot.PressAsync(Young, "Назначить встречу");

        await bot.SendTextAsync(Young, "01.01.2026");

        Assert.Contains("уже прошла", bot.LastText(Young));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM meetings"));
    }

    [Fact]
    public async Task The_monthly_check_in_rates_each_goal_and_the_card_shows_the_trend()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);

        bot.Clock.Advance(TimeSpan.FromDays(31));
        await bot.SweepAsync();
        Assert.Contains("Пора провести ежемесячную оценку", bot.LastText(Young));
        await CheckInAsync(bot, [2, 3, 1], "Начали с локальных актов");
        Assert.Contains("Новая ежемесячная оценка. Молодой директор:", bot.LastText(BestFlagship));
        await bot.PressAsync(BestFlagship, "Добавить заметку");
        await bot.SendTextAsync(BestFlagship, "Хороший темп");

        bot.Clock.Advance(TimeSpan.FromDays(3));
        var beforeFollowUp = bot.TextsIn(Young).Count;
        await bot.SweepAsync();
        Assert.Equal(beforeFollowUp, bot.TextsIn(Young).Count);

        bot.Clock.Advance(TimeSpan.FromDays(28));
        await bot.SweepAsync();
        await CheckInAsync(bot, [4, 4, 2], null);

        await bot.SendTextAsync(Young, "/partnership");
        // The card, then the chart of the same ratings under it.
        var card = bot.Telegram.In(Young)[^2].Text;
        var chart = bot.Telegram.Photos.Last();
        Assert.Equal(Young, chart.ChatId);
        Assert.Contains("ежемесячных встречах", chart.Caption);
        Assert.Contains("правовые вопросы: 2 → 4 ↑", card);
        Assert.Contains("делегирование: 3 → 4 ↑", card);
        Assert.Contains("работа с родителями: 1 → 2 ↑", card);
        Assert.Contains("Заметка наставника: Хороший темп", card);
    }

    [Fact]
    public async Task An_unanswered_check_in_gets_one_follow_up_after_three_days()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        bot.Clock.Advance(TimeSpan.FromDays(31));
        await bot.SweepAsync();

        bot.Clock.Advance(TimeSpan.FromDays(3));
        await bot.SweepAsync();
        Assert.Contains("Напоминаем про ежемесячную оценку", bot.LastText(Young));

        var count = bot.TextsIn(Young).Count;
        bot.Clock.Advance(TimeSpan.FromDays(3));
        await bot.SweepAsync();
        Assert.Equal(count, bot.TextsIn(Young).Count);
    }

    [Fact]
    public async Task Both_agreeing_prolongs_for_another_year()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);

        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 24, 9, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.Contains("Продлить его ещё на год", bot.LastText(Young));
        Assert.Contains("Продлить его ещё на год", bot.LastText(BestFlagship));

        await bot.PressAsync(Young, "Продлить на год");
        Assert.Contains("когда согласится партнёр", bot.LastText(Young));
        await bot.PressAsync(BestFlagship, "Продлить на год");

        Assert.Contains("продлено до 23.11.2028", bot.LastText(BestFlagship));
        Assert.Contains("продлено до 23.11.2028", bot.LastText(Young));
        Assert.Equal("2028-11-23", await bot.ScalarAsync<string>("SELECT ends_on FROM partnerships"));

        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        Assert.Equal("Active", await bot.ScalarAsync<string>("SELECT status FROM partnerships"));
    }

    [Fact]
    public async Task A_second_press_of_a_prolongation_answer_or_one_from_the_previous_term_changes_nothing()
    {
        await using var bot = await StartAsync();
        var partnershipId = await PartnerAsync(bot);
        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 24, 9, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        var prolong = $"ps:prl:{partnershipId}:y:20271123";

        await bot.PressDataAsync(Young, prolong);
        var mentorMessages = bot.TextsIn(BestFlagship).Count;
        await bot.PressDataAsync(Young, prolong);
        Assert.Equal("Ваш ответ уже учтён.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(mentorMessages, bot.TextsIn(BestFlagship).Count);

        await bot.PressDataAsync(BestFlagship, prolong);
        Assert.Equal("2028-11-23", await bot.ScalarAsync<string>("SELECT ends_on FROM partnerships"));
        var youngMessages = bot.TextsIn(Young).Count;

        // The same buttons again, now about a term that is over: no vote for the next term, nothing sent to the partner.
        await bot.PressDataAsync(BestFlagship, prolong);
        await bot.PressDataAsync(Young, $"ps:prl:{partnershipId}:n:20271123");
        Assert.Equal(("2028-11-23", (long?)null, (long?)null),
            (await bot.QueryAsync<(string, long?, long?)>("SELECT ends_on, mentee_prolongs, mentor_prolongs FROM partnerships")).Single());
        Assert.Equal("Эта кнопка уже неактуальна.", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(youngMessages, bot.TextsIn(Young).Count);
    }

    [Fact]
    public async Task Without_agreement_the_partnership_completes_at_its_end_and_both_may_leave_feedback()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 24, 9, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();
        await bot.PressAsync(BestFlagship, "Закрыть по окончании");
        Assert.Contains("предпочитает закрыть", bot.LastText(Young));

        bot.Clock.SetUtcNow(new DateTimeOffset(2027, 11, 23, 7, 0, 0, TimeSpan.Zero));
        await bot.SweepAsync();

        Assert.Equal("Completed", await bot.ScalarAsync<string>("SELECT status FROM partnerships"));
        Assert.Contains("партнёрство завершено", bot.LastText(Young));
        await bot.PressAsync(Young, "Оставить отзыв");
        await bot.SendTextAsync(Young, "Спасибо за год работы!");
        Assert.Equal("Спасибо за год работы!", await bot.ScalarAsync<string>("SELECT text FROM partnership_feedback WHERE author_id = @Young", new { Young }));
    }

    [Fact]
    public async Task Either_side_can_end_early_with_a_reason_the_other_reads()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);
        await bot.SendTextAsync(Young, "/partnership");

        await bot.PressAsync(Young, "Завершить досрочно");
        await bot.SendTextAsync(Young, "Перехожу на другую работу");

        Assert.Equal(("EndedEarly", "Перехожу на другую работу", Young),
            (await bot.QueryAsync<(string, string, long)>("SELECT status, end_reason, ended_by FROM partnerships")).Single());
        Assert.Contains("Причина: Перехожу на другую работу", bot.LastText(BestFlagship));
        await bot.SendTextAsync(Young, "/find_mentor");
        Assert.Contains("Подходящие наставники", bot.LastText(Young));
    }

    [Fact]
    public async Task A_quiet_partnership_gets_a_gentle_nudge_after_45_days()
    {
        await using var bot = await StartAsync();
        await PartnerAsync(bot);

        bot.Clock.Advance(TimeSpan.FromDays(46));
        await bot.SweepAsync();

        Assert.Contains("давно не было встреч", bot.LastText(BestFlagship));
    }

    private static async Task CheckInAsync(BotHarness bot, int[] ratings, string? comment)
    {
        await bot.PressAsync(Young, "Ежемесячная оценка");
        foreach (var rating in ratings)
        {
            await bot.PressAsync(Young, rating.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (comment is null)
        {
            await bot.PressAsync(Young, "Пропустить");
        }
        else
        {
            await bot.SendTextAsync(Young, comment);
        }
    }
}
