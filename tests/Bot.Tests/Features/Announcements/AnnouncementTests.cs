using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Reports;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Announcements;

public sealed class AnnouncementTests
{
    private const long Coordinator = 900;
    private const long Regional = 901;
    private const long Young = 101;
    private const long YoungLegal = 102;
    private const long YoungElsewhere = 103;
    private const long Flagship = 201;
    private const long FlagshipWantsLegal = 202;
    private const long PendingFlagship = 203;

    /// <summary>Dinskoy: two young directors (one with the legal deficit), two flagships (one wanting to learn it), one pending; one young director in Goryachy Klyuch.</summary>
    private static async Task<BotHarness> SeedAsync(Action<IServiceCollection>? services = null)
    {
        var bot = await BotHarness.StartAsync(services: services);
        await DirectorBuilder.Young(Young).WithDeficits("team").SaveAsync(bot);
        await DirectorBuilder.Young(YoungLegal).WithDeficits("legal", "team").SaveAsync(bot);
        await DirectorBuilder.Young(YoungElsewhere).InDistrict("goryachy-klyuch").WithDeficits("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).WithWants("digital").SaveAsync(bot);
        await DirectorBuilder.Flagship(FlagshipWantsLegal).WithWants("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(PendingFlagship).Pending().SaveAsync(bot);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await CoordinatorSeed.AddRegionalAsync(bot, Regional, "Краснодарский край");
        return bot;
    }

    [Theory]
    [InlineData("Молодым директорам", new[] { Young, YoungLegal })]
    [InlineData("Директорам-флагманам", new[] { Flagship, FlagshipWantsLegal })]
    [InlineData("Всем директорам", new[] { Young, YoungLegal, Flagship, FlagshipWantsLegal })]
    public async Task The_audience_is_chosen_by_role_within_the_coordinators_district(string audience, long[] expected)
    {
        await using var bot = await SeedAsync();

        await AnnouncementScript.SendNowAsync(bot, Coordinator, audience);

        Assert.Equal(expected, AnnouncementScript.RecipientsOf(bot));
    }

    [Fact]
    public async Task A_regional_coordinator_picks_districts()
    {
        await using var bot = await SeedAsync();

        await AnnouncementScript.SendNowAsync(bot, Regional, "Молодым директорам", districts: ["Горячий Ключ"], title: "Семинар в Горячем Ключе");
        await AnnouncementScript.SendNowAsync(bot, Regional, "Молодым директорам", districts: ["Все мои районы"], title: "Семинар для всего края");

        Assert.Equal([YoungElsewhere], AnnouncementScript.RecipientsOf(bot, "Семинар в Горячем Ключе"));
        Assert.Equal([Young, YoungLegal, YoungElsewhere], AnnouncementScript.RecipientsOf(bot, "Семинар для всего края"));
    }

    [Fact]
    public async Task A_deficit_narrows_the_audience_to_those_who_declared_it()
    {
        await using var bot = await SeedAsync();

        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Всем директорам", deficits: ["Правовые вопросы"], title: "Правовой семинар");

        Assert.Equal([YoungLegal, FlagshipWantsLegal], AnnouncementScript.RecipientsOf(bot, "Правовой семинар"));
    }

    [Fact]
    public async Task A_group_offered_by_another_feature_is_an_audience_of_its_members_who_are_directors()
    {
        await using var bot = await SeedAsync(services => services.AddAnnouncementAudience<ProgrammeParticipants>());

        await AnnouncementScript.DescribeAsync(bot, Coordinator);
        await bot.PressAsync(Coordinator, "Стажировка в СОШ № 1");

        Assert.DoesNotContain(bot.Telegram.In(Coordinator).SelectMany(m => m.Buttons), b => b.Text.Contains("Горячем Ключе", StringComparison.Ordinal));
        Assert.Contains("Кому: участникам: Стажировка в СОШ № 1.\nПолучателей: 2.", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "Отправить сейчас");
        await bot.BroadcastAsync();
        Assert.Equal([Young, Flagship], AnnouncementScript.RecipientsOf(bot));
    }

    /// <summary>An internship site's programmes, as the networking feature would offer them; it offers more than the coordinator may address.</summary>
    private sealed class ProgrammeParticipants : IAnnouncementAudienceSource
    {
        public string Key => "intern";

        public Task<IReadOnlyList<AudienceGroup>> GroupsAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AudienceGroup>>(
                [new AudienceGroup(Key, 7, "Стажировка в СОШ № 1", "dinskoy"), new AudienceGroup(Key, 8, "Программа в Горячем Ключе", "goryachy-klyuch")]);

        public Task<IReadOnlyCollection<long>> MembersAsync(long groupId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyCollection<long>>(groupId == 7 ? [Young, Flagship, PendingFlagship, 7777] : [YoungElsewhere]);
    }

    [Fact]
    public async Task The_preview_is_the_message_recipients_get_with_their_count()
    {
        await using var bot = await SeedAsync();

        await AnnouncementScript.ToPreviewAsync(bot, Coordinator, "Молодым директорам");

        var preview = bot.LastText(Coordinator);
        Assert.Contains("Получателей: 2.", preview);
        Assert.Contains("Кому: молодым директорам; Динской район.", preview);
        await bot.PressAsync(Coordinator, "Отправить сейчас");
        await bot.BroadcastAsync();
        var received = bot.Telegram.In(Young).Single();
        Assert.Contains(received.Text, preview);
        Assert.StartsWith("📣 Форум: «Форум директоров-флагманов»\n🗓 15.12.2026 (вт), 10:00 МСК\n📍 ст. Динская", received.Text);
        Assert.Equal(["Буду", "Не смогу"], received.Buttons.Select(b => b.Text));
    }

    [Fact]
    public async Task The_recipients_buttons_do_nothing_in_the_preview_and_an_empty_audience_cannot_be_sent()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.ToPreviewAsync(bot, Coordinator, "Молодым директорам", deficits: ["Дошкольное"]);

        await bot.PressAsync(Coordinator, "Буду");
        await bot.PressAsync(Coordinator, "Отправить сейчас");

        Assert.Contains("Получателей: 0.", bot.LastText(Coordinator));
        Assert.Contains("не работают", bot.Telegram.CallbackAnswers[^2].Text);
        Assert.Contains("получателей нет", bot.Telegram.CallbackAnswers[^1].Text);
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM announcements"));
    }

    [Fact]
    public async Task The_coordinator_sees_one_progress_message_and_a_final_report_with_exact_counts()
    {
        await using var bot = await SeedAsync();
        await bot.InScopeAsync(s => s.GetRequiredService<ChatRepository>().MarkBlockedAsync(YoungLegal, bot.Clock.GetUtcNow()));

        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Всем директорам");

        var progress = bot.Telegram.In(Coordinator).Where(m => m.Text.StartsWith("📤", StringComparison.Ordinal)).ToList();
        Assert.Equal("📤 Рассылка «Форум директоров-флагманов»: отправлено 0 из 4.", progress[0].Text);
        Assert.All(progress.Skip(1), m => Assert.True(m.Edited && m.MessageId == progress[0].MessageId));
        Assert.Equal("📤 Рассылка «Форум директоров-флагманов»: отправлено 4 из 4. Готово.", progress[^1].Text.Replace('\u00A0', ' '));
        var report = bot.LastText(Coordinator);
        Assert.Contains("Доставлено: 3\nЗаблокировали бота: 1\nНе доставлено из-за ошибки: 0\nВсего получателей: 4", report);
        Assert.Empty(bot.Telegram.In(YoungLegal));
        Assert.Equal((3L, 1L, 0L), (await bot.QueryAsync<(long, long, long)>("SELECT delivered, blocked, failed FROM announcements")).Single());
    }

    [Fact]
    public async Task A_second_press_changes_the_answer_and_never_adds_one()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Молодым директорам");

        await bot.PressAsync(Young, "Буду");
        await bot.PressAsync(Young, "Не смогу");
        await bot.PressAsync(Young, "Не смогу");
        await bot.PressAsync(Young, "Буду");

        Assert.Equal(["Yes"], await bot.QueryAsync<string>("SELECT answer FROM rsvps WHERE user_id = @Young", new { Young }));
        var message = bot.Telegram.In(Young).Single(m => !m.Edited);
        Assert.Equal(["✅ Буду", "Не смогу"], bot.Telegram.ButtonsOf(Young, message.MessageId).Select(b => b.Text));
        Assert.Equal(
            ["Записали: вы придёте. Напомним накануне.", "Записали: не сможете.", "Этот ответ уже записан.", "Записали: вы придёте. Напомним накануне."],
            bot.Telegram.CallbackAnswers.TakeLast(4).Select(a => a.Text));
    }

    [Fact]
    public async Task A_forged_answer_to_an_announcement_not_sent_to_the_person_is_refused()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Молодым директорам", title: "Для молодых");
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Директорам-флагманам", title: "Для флагманов");
        var forFlagships = await bot.ScalarAsync<long>("SELECT id FROM announcements WHERE title = 'Для флагманов'");

        await bot.PressDataAsync(Young, $"rsvp:{forFlagships}:y");
        await bot.PressDataAsync(YoungElsewhere, $"rsvp:{forFlagships - 1}:y");
        await bot.PressDataAsync(Young, "rsvp:999:y");
        await bot.PressDataAsync(Young, $"rsvp:{forFlagships - 1}:maybe");
        await bot.PressDataAsync(7777, $"rsvp:{forFlagships}:n");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM rsvps"));
        Assert.All(bot.Telegram.CallbackAnswers.TakeLast(5), a => Assert.Equal("Это объявление вам не адресовано.", a.Text));
    }

    [Fact]
    public async Task No_answer_is_taken_once_the_event_has_begun()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Молодым директорам");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 7, 0, 0, TimeSpan.Zero));

        await bot.PressAsync(Young, "Буду");

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM rsvps"));
        Assert.Equal("Событие уже прошло или отменено.", bot.Telegram.CallbackAnswers[^1].Text);
    }

    [Fact]
    public async Task Those_who_will_come_are_reminded_the_day_before_and_those_who_changed_their_mind_are_not()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Молодым директорам");
        await bot.PressAsync(Young, "Буду");
        await bot.PressAsync(YoungLegal, "Буду");
        await bot.PressAsync(YoungLegal, "Не смогу");
        var sweeper = bot.Services.GetRequiredService<ReminderSweeper>();

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 6, 59, 0, TimeSpan.Zero));
        await sweeper.SweepAsync();
        await bot.DeliveredAsync();
        Assert.DoesNotContain(bot.TextsIn(Young), t => t.StartsWith("⏰", StringComparison.Ordinal));
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await sweeper.SweepAsync();
        await bot.DeliveredAsync();

        Assert.Equal(
            "⏰ Напоминаем: форум «Форум директоров-флагманов» — 15.12.2026 (вт), 10:00 МСК.\n📍 ст. Динская, СОШ № 1, актовый зал\nЕсли планы изменились, нажмите «Не смогу».",
            bot.LastText(Young));
        Assert.DoesNotContain(bot.TextsIn(YoungLegal), t => t.StartsWith("⏰", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coordinator_sees_counts_and_names_and_the_export_opens_in_excel()
    {
        await using var bot = await SeedAsync();
        await DirectorBuilder.Young(104).Named("Щукина Ёлка Юрьевна").AtSchool("МБОУ \"СОШ № 4\"; корпус 2").SaveAsync(bot);
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Всем директорам");
        await bot.PressAsync(Young, "Буду");
        await bot.PressAsync(104, "Буду");
        await bot.PressAsync(Flagship, "Не смогу");

        await bot.SendTextAsync(Coordinator, "/announcements");
        var list = bot.Telegram.In(Coordinator)[^2].Text;
        Assert.Contains("1. Форум «Форум директоров-флагманов», 15.12.2026 (вт), 10:00 МСК", list);
        Assert.Contains("доставлено 5 из 5 · буду: 2, не смогу: 1", list);
        Assert.Contains("Ответы на последние объявления", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "1");
        var details = bot.LastText(Coordinator);
        Assert.Contains("Буду: 2 · Не смогу: 1", details);
        Assert.Contains("Буду (2)\n1. Молодой Директор 101 — СОШ № 1, Динской район\n2. Щукина Ёлка Юрьевна — МБОУ \"СОШ № 4\"; корпус 2, Динской район", details);
        Assert.Contains("Не смогу (1)\n1. Флагман Директор 201 — СОШ № 1, Динской район", details);
        await bot.PressAsync(Coordinator, "Список файлом");
        var workbook = bot.Telegram.Documents.Single(d => d.ChatId == Coordinator);
        Assert.EndsWith(".xlsx", workbook.FileName, StringComparison.Ordinal);
        using (var file = new XlsxReader(workbook.Content))
        {
            Assert.Empty(file.ValidationErrors());
            Assert.Equal(["1", "Молодой Директор 101", "СОШ № 1", "Динской район", "молодой директор", "Буду"], file.Row("Ответы", 2).Take(6));
            // Answered at 10:00 Moscow time, the event's zone, as a real date and time.
            Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), DateTime.FromOADate(double.Parse(file.Text("Ответы", "G2")!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(4, file.RowCount("Ответы"));
        }
        await bot.PressAsync(Coordinator, "Скачать в CSV");

        var document = bot.Telegram.Documents.Last(d => d.ChatId == Coordinator);
        Assert.EndsWith(".csv", document.FileName, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], document.Content.Take(3).ToArray());
        var rows = Csv.Read(document.Content);
        Assert.Equal(["№", "ФИО", "Школа", "Район", "Роль", "Ответ", "Время ответа"], rows[0]);
        Assert.Equal(["1", "Молодой Директор 101", "СОШ № 1", "Динской район", "молодой директор", "Буду", "23.11.2026 10:00"], rows[1]);
        Assert.Equal(["2", "Щукина Ёлка Юрьевна", "МБОУ \"СОШ № 4\"; корпус 2", "Динской район", "молодой директор", "Буду", "23.11.2026 10:00"], rows[2]);
        Assert.Equal(["3", "Флагман Директор 201", "СОШ № 1", "Динской район", "директор-флагман", "Не смогу", "23.11.2026 10:00"], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task A_scheduled_broadcast_goes_out_at_its_time_in_the_district_and_not_at_night()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.ToPreviewAsync(bot, Coordinator, "Молодым директорам");
        await bot.PressAsync(Coordinator, "Запланировать");

        await bot.SendTextAsync(Coordinator, "01.12.2026 22:30");
        Assert.Contains("люди отдыхают", bot.LastText(Coordinator));
        await bot.SendTextAsync(Coordinator, "16.12.2026 10:00");
        Assert.Contains("раньше, чем начнётся событие", bot.LastText(Coordinator));
        await bot.SendTextAsync(Coordinator, "01.12.2026 09:30");
        Assert.Equal(
            "🕓 Рассылка «Форум директоров-флагманов» запланирована на 01.12.2026 (вт), 09:30 МСК. Отменить или посмотреть ответы — /announcements.",
            bot.LastText(Coordinator));

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 29, 0, TimeSpan.Zero));
        await bot.BroadcastAsync();
        Assert.Empty(AnnouncementScript.RecipientsOf(bot));
        bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await bot.BroadcastAsync();

        Assert.Equal([Young, YoungLegal], AnnouncementScript.RecipientsOf(bot));
        Assert.Contains("Доставлено: 2", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task A_scheduled_broadcast_can_be_cancelled_before_it_starts()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.ToPreviewAsync(bot, Coordinator, "Молодым директорам");
        await bot.PressAsync(Coordinator, "Запланировать");
        await bot.SendTextAsync(Coordinator, "01.12.2026 10:00");

        await bot.SendTextAsync(Coordinator, "/announcements");
        Assert.Contains("рассылка: запланирована на 01.12.2026 (вт), 10:00 МСК", bot.LastText(Coordinator));
        await bot.PressAsync(Coordinator, "1");
        await bot.PressAsync(Coordinator, "Отменить рассылку");
        // One tap only asks.
        Assert.StartsWith("Отменить рассылку «Форум директоров-флагманов», запланированную на 01.12.2026", bot.LastText(Coordinator));
        Assert.Equal("Scheduled", await bot.ScalarAsync<string>("SELECT status FROM announcements"));
        await bot.PressAsync(Coordinator, "Да, отменить рассылку");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await bot.BroadcastAsync();

        Assert.Equal("Рассылка «Форум директоров-флагманов» отменена. Никто её не получил.", bot.LastText(Coordinator));
        Assert.Empty(AnnouncementScript.RecipientsOf(bot));
        Assert.Equal("Cancelled", await bot.ScalarAsync<string>("SELECT status FROM announcements"));
    }

    [Fact]
    public async Task Every_announcement_action_is_refused_to_non_coordinators_and_to_coordinators_of_other_districts()
    {
        await using var bot = await SeedAsync();
        await CoordinatorSeed.AddAsync(bot, 902, "goryachy-klyuch");
        await AnnouncementScript.ToPreviewAsync(bot, Coordinator, "Молодым директорам");
        await bot.PressAsync(Coordinator, "Запланировать");
        await bot.SendTextAsync(Coordinator, "01.12.2026 10:00");
        var id = await bot.ScalarAsync<long>("SELECT id FROM announcements");

        foreach (var outsider in new long[] { Young, Flagship, PendingFlagship, 7777 })
        {
            foreach (var command in new[] { "/announce", "/announcements" })
            {
                await bot.SendTextAsync(outsider, command);
                Assert.Contains("недоступна", bot.LastText(outsider));
            }
        }
        foreach (var outsider in new long[] { Young, Flagship, 7777, 902 })
        {
            foreach (var action in new[] { "show", "file", "stop" })
            {
                await bot.PressDataAsync(outsider, $"annc:{action}:{id}");
                Assert.Contains("недоступна", bot.Telegram.CallbackAnswers[^1].Text);
            }
        }
        await bot.SendTextAsync(902, "/announcements");

        Assert.Contains("объявлений пока нет", bot.LastText(902));
        Assert.Empty(bot.Telegram.Documents);
        Assert.Equal("Scheduled", await bot.ScalarAsync<string>("SELECT status FROM announcements"));
    }

    [Fact]
    public async Task Districts_outside_the_scope_cannot_be_forged_into_the_dialog()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.DescribeAsync(bot, Regional);
        await bot.PressAsync(Regional, "Молодым директорам");

        await bot.PressDataAsync(Regional, "announce:districts:moscow");

        Assert.Contains("Выберите вариант кнопкой", bot.Telegram.CallbackAnswers[^1].Text);
    }

    [Fact]
    public async Task A_broadcast_stopped_between_batches_resumes_without_writing_anyone_twice()
    {
        var database = Path.Combine(Path.GetTempPath(), $"mentorbot-test-{Guid.NewGuid():N}.db");
        await using var bot = await BotHarness.StartAsync(settings => settings["Announcements:BatchSize"] = "10", databasePath: database);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        for (var user = 1000; user < 1035; user++)
        {
            await DirectorBuilder.Young(user).SaveAsync(bot);
        }
        await AnnouncementScript.ToPreviewAsync(bot, Coordinator, "Молодым директорам");
        await bot.PressAsync(Coordinator, "Отправить сейчас");
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var announcement = (await scope.ServiceProvider.GetRequiredService<AnnouncementRepository>().InStatusAsync(AnnouncementStatus.Sending)).Single();
            await bot.Services.GetRequiredService<BroadcastRunner>().EnqueueAsync(announcement, CancellationToken.None, maxBatches: 2);
        }

        Assert.Equal((1019L, 20L), (await bot.QueryAsync<(long, long)>(
            "SELECT enqueued_through, (SELECT COUNT(*) FROM outbox WHERE broadcast_id = a.id) FROM announcements a")).Single());
        await bot.RestartAsync();
        await bot.BroadcastAsync();

        Assert.Equal(Enumerable.Range(1000, 35).Select(u => (long)u), AnnouncementScript.RecipientsOf(bot));
        Assert.Equal(35L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id IS NOT NULL"));
        Assert.Contains("Доставлено: 35", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task Answers_are_in_my_data_and_gone_after_delete_me()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Молодым директорам");
        await bot.PressAsync(Young, "Буду");

        await bot.SendTextAsync(Young, "/my_data");
        var export = System.Text.Json.JsonDocument.Parse(bot.Telegram.Documents.Single(d => d.ChatId == Young).Content).RootElement;
        Assert.Equal("Форум директоров-флагманов", export.GetProperty("announcements_received")[0].GetProperty("title").GetString());
        Assert.Equal("will_attend", export.GetProperty("event_answers")[0].GetProperty("answer").GetString());
        await bot.SendTextAsync(Young, "/delete_me");
        await bot.PressAsync(Young, "Да, удалить");

        await DatabaseAssert.NoTraceOfAsync(bot, Young, "Молодой Директор 101");
    }

    [Fact]
    public async Task A_coordinator_who_erases_their_data_leaves_the_announcement_without_their_id()
    {
        await using var bot = await SeedAsync();
        await AnnouncementScript.SendNowAsync(bot, Coordinator, "Молодым директорам");

        await bot.SendTextAsync(Coordinator, "/delete_me");
        await bot.PressAsync(Coordinator, "Да, удалить");

        await DatabaseAssert.NoTraceOfAsync(bot, Coordinator);
        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM announcements"));
    }
}
