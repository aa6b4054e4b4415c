using System.Globalization;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Localization;

public static class MentorshipTexts
{
    public const string CoordinatorChoiceButton = "Пусть выберет координатор";
    public const string AcceptButton = "✅ Принять";
    public const string DeclineButton = "Отклонить";
    public const string WithdrawButton = "Отозвать запрос";
    public const string NoReasonButton = "Без объяснения причин";
    public const string MeetingButton = "📅 Назначить встречу";
    public const string PlanButton = "+ Пункт плана";
    public const string PlanStatusButton = "✎ Отметить пункт";
    public const string CheckinButton = "📊 Ежемесячная оценка";
    public const string EndEarlyButton = "Завершить досрочно";
    public const string ProlongButton = "Продлить на год";
    public const string CloseButton = "Закрыть по окончании";

    public static readonly IReadOnlyList<string> DeclineReasons =
    [
        "Нет свободного времени",
        "Запрос вне моих сильных сторон",
        "Слишком далеко",
    ];

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset local) => local.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Percent(double score) => Math.Round(score * 100).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>A link that opens the person's chat; the @username too when they have one.</summary>
    public static HtmlText Contact(DirectorProfile person) =>
        person.Username is { Length: > 0 } username
            ? Html.Format($"{Html.Link($"tg://user?id={person.UserId}", person.FullName)} (@{username})")
            : Html.Link($"tg://user?id={person.UserId}", person.FullName);

    public static HtmlText SuggestionsHeader => Html.Raw("<b>Подходящие наставники</b>");

    public static HtmlText Suggestion(int number, DirectorProfile flagship, string district, double score, string reason) => Html.Format(
        $"{number}. <b>{flagship.FullName}</b>, {flagship.School} ({district}) — совпадение {Percent(score)}\n   {reason}");

    public static string RequestButton(DirectorProfile flagship) => "Запрос: " + ShortName(flagship.FullName);

    public static HtmlText SuggestionsFooter => Html.Raw("Нажмите кнопку, чтобы отправить запрос, или доверьте выбор координатору.");

    public static HtmlText NoSuggestions(string reason) => Html.Format(
        $"Сейчас некого предложить: {reason}. Координатор района может подобрать наставника вручную — нажмите кнопку ниже.");

    public static HtmlText NoSuggestionsCoordinatorAsked(string reason) => Html.Format(
        $"Других подходящих наставников сейчас нет: {reason}. Я попросил координатора района подобрать вам наставника вручную. Когда наставник будет назначен, я напишу.");

    public static HtmlText NoSuggestionsCoordinatorKnows(string reason) => Html.Format(
        $"Других подходящих наставников сейчас нет: {reason}. Координатор района уже знает, что вам нужен наставник. Когда наставник будет назначен, я напишу.");

    public static HtmlText AlreadyHasMentor(DirectorProfile mentor) => Html.Format(
        $"У вас уже есть наставник: {mentor.FullName}. Партнёрство — /partnership.");

    public static HtmlText PendingRequestExists(DirectorProfile mentor, DateTimeOffset expiresLocal) => Html.Format(
        $"Ваш запрос ждёт ответа: {mentor.FullName}. Срок ответа — до {DateTime(expiresLocal)}.");

    public static HtmlText RequestSent(DirectorProfile mentor, DateTimeOffset expiresLocal) => Html.Format(
        $"Запрос отправлен: {mentor.FullName}. Ответ придёт сюда; срок — до {DateTime(expiresLocal)}. Пока ждёте, запрос можно отозвать.");

    public static HtmlText RequestToFlagship(DirectorProfile mentee, string district, string deficits, string offers, string reason, bool byCoordinator) =>
        Html.Format(
            $"""
            {(byCoordinator ? "Координатор предлагает вам наставничество" : "Новый запрос на наставничество")}

            <b>{mentee.FullName}</b>, {mentee.Position}
            {mentee.School} ({district}, {mentee.Settlement})
            Стаж директором: {RussianPlural.Years(mentee.YearsAsDirector)}
            Дефициты по важности: {deficits}
            Может предложить в ответ: {offers}
            О себе: {(mentee.Note.Length == 0 ? "—" : mentee.Note)}

            Почему предложены вы: {reason}
            """);

    public static HtmlText CoordinatorChoiceRequested => Html.Raw(
        "Хорошо, я передал просьбу координатору района. Когда наставник будет назначен, я напишу.");

    public static HtmlText CoordinatorChoiceAlreadyRequested => Html.Raw("Координатор уже знает о вашей просьбе. Когда наставник будет назначен, я напишу.");

    public static HtmlText MenteeBusy => Html.Raw("У вас уже есть наставник или запрос, ожидающий ответа. Подробности — /find_mentor.");

    public static HtmlText CoordinatorChoiceNotice(DirectorProfile mentee, string district) => Html.Format(
        $"{mentee.FullName} ({mentee.School}, {district}) просит координатора подобрать наставника. Назначить пару — /assign.");

    public static HtmlText CoordinatorNeededNotice(DirectorProfile mentee, string district) => Html.Format(
        $"Молодому директору после отказа или истёкшего запроса больше некого предложить, нужен ваш выбор наставника.\nМолодой директор: {mentee.FullName} ({mentee.School}, {district}). Назначить пару — /assign.");

    public static HtmlText Withdrawn => Html.Raw("Запрос отозван. Подобрать снова — /find_mentor.");

    public static HtmlText WithdrawnToFlagship(DirectorProfile mentee) => Html.Format($"Запрос на наставничество отозван. Молодой директор: {mentee.FullName}.");

    public static HtmlText RequestNoLongerPending => Html.Raw("Этот запрос уже не ждёт ответа.");

    public static HtmlText NoFreePlace(int capacity) => Html.Format(
        $"Свободных мест нет: у вас уже {RussianPlural.Of(capacity, "подопечный", "подопечных", "подопечных")} — столько, сколько вы готовы сопровождать. Запрос остаётся в списке /requests; число подопечных можно изменить в /profile.");

    public static HtmlText AcceptedToMentor(DirectorProfile mentee, DateOnly startsOn, DateOnly endsOn) => Html.Format(
        $"""
        Вы приняли запрос. Молодой директор: {Contact(mentee)}. Соглашение — с {Date(startsOn)} по {Date(endsOn)}.
        Напишите коллеге и договоритесь о первой встрече. Карточка партнёрства — /partnership.
        """);

    public static HtmlText AcceptedToMentee(DirectorProfile mentor, string reason, bool byCoordinator, DateOnly startsOn, DateOnly endsOn) => Html.Format(
        $"""
        {(byCoordinator ? "Координатор назначил вам наставника" : "Ваш запрос принят")}: {Contact(mentor)}, {mentor.School}.
        Почему: {reason}
        Соглашение — с {Date(startsOn)} по {Date(endsOn)}. Договоритесь о первой встрече. Карточка — /partnership.
        """);

    public static HtmlText Declined(DirectorProfile mentor, string? reason) => Html.Format(
        $"{mentor.FullName} сейчас не может стать вашим наставником{(reason is null ? "" : $" ({reason})")}. Это не о вас — так бывает.");

    public static HtmlText DeclineRecorded => Html.Raw("Запрос отклонён. Молодой директор получит ваш ответ и сможет выбрать другого наставника.");

    public static HtmlText AskDeclineReason(string menteeName) => Html.Format(
        $"Запрос: {menteeName}. Почему вы его отклоняете? Причину увидит молодой директор. Можно выбрать, написать (до 300 символов) или не объяснять.");

    public static HtmlText Expired(DirectorProfile mentor) => Html.Format(
        $"Срок ответа на ваш запрос истёк. Флагман: {mentor.FullName}. Ничего страшного — так бывает.");

    public static HtmlText ExpiredToFlagship(DirectorProfile mentee) => Html.Format(
        $"Запрос истёк без ответа и больше не ждёт вашего решения. Молодой директор: {mentee.FullName}.");

    public static HtmlText Released(DirectorProfile mentor) => Html.Format(
        $"Флагман временно не берёт новых подопечных: {mentor.FullName}. Ваш запрос закрыт.");

    public static HtmlText RequestNoLongerPossible(DirectorProfile mentor) => Html.Format(
        $"Ваш запрос больше не может быть принят: эта пара не отвечает правилам подбора (флагман: {mentor.FullName}). Вот другие варианты:");

    /// <summary>Told to a flagship who tries to accept a request that breaks a hard rule of matching.</summary>
    public static HtmlText RequestBreaksRules(PairingRule rule) => Html.Raw(rule switch
    {
        PairingRule.MentorApproval => "Этот запрос принять нельзя: ваш профиль флагмана не одобрен координатором.",
        PairingRule.Region => "Этот запрос принять нельзя: пары составляются только внутри одного региона.",
        PairingRule.Availability => "Этот запрос принять нельзя: вы не принимаете новые запросы. Вернуться — /availability.",
        PairingRule.EarlierRefusal => "Этот запрос принять нельзя: вы уже отклоняли запрос этого директора или не ответили на него вовремя.",
        PairingRule.Designated => "Этот запрос принять нельзя: по решению форума школа этого молодого директора закреплена за другой флагманской школой.",
        _ => "Этот запрос принять нельзя: профиль молодого директора изменился.",
    });

    public static HtmlText NowUnavailable(int released) => Html.Format(
        $"Вы не принимаете новые запросы. Ожидавших ответа запросов передано другим наставникам: {released}. Вернуться — /availability.");

    public static HtmlText NowAvailable => Html.Raw("Вы снова принимаете запросы молодых директоров.");

    public static HtmlText AvailableNow(int pending) => Html.Format(
        $"Сейчас вы принимаете новые запросы. Ждут вашего ответа: {pending}.\nЕсли приостановить приём, ждущие запросы перейдут к другим наставникам.");

    public static HtmlText UnavailableNow => Html.Raw("Сейчас вы не принимаете новые запросы.");

    public static HtmlText StillAvailable => Html.Raw("Ничего не изменилось: вы принимаете новые запросы.");

    public static HtmlText StillUnavailable => Html.Raw("Ничего не изменилось: вы не принимаете новые запросы.");

    public const string PauseButton = "Приостановить приём";
    public const string ResumeButton = "Возобновить приём";
    public const string KeepAvailabilityButton = "Оставить как есть";

    public static HtmlText NoPendingRequests => Html.Raw("Запросов, ждущих ответа, нет.");

    public static HtmlText PendingRequestsHeader(int count) => Html.Format($"Запросы, ждущие ответа: {count}.");

    public static HtmlText NoMentees => Html.Raw("Активных партнёрств пока нет. Запросы — /requests.");

    public static HtmlText MenteeLine(DirectorProfile mentee, Partnership partnership, DateTimeOffset lastActivityLocal) => Html.Format(
        $"• {Contact(mentee)}, {mentee.School} — до {Date(partnership.EndsOn)}, последняя активность {DateTime(lastActivityLocal)}");

    public static HtmlText NotYourRequest => Html.Raw("Этот запрос адресован не вам.");

    public static HtmlText AssignChooseMentee => Html.Raw("Кому назначить наставника? Молодые директора без наставника в ваших районах:");

    public static HtmlText AssignChooseMentor(DirectorProfile mentee) => Html.Format(
        $"Выбор наставника. Молодой директор: <b>{mentee.FullName}</b>, {mentee.School}. Флагманы ваших районов со свободными местами, лучшие совпадения сверху:");

    public static HtmlText AssignMentorLine(int number, DirectorProfile mentor, string district, double score, string reason, string? notSuggested) => Html.Format(
        $"{number}. <b>{mentor.FullName}</b>, {mentor.School} ({district}) — совпадение {Percent(score)}\n   {reason}{(notSuggested is null ? "" : $"\n   Не в подборке молодого директора: {notSuggested}.")}");

    public static HtmlText AssignRefusedHidden(int count) => Html.Format(
        $"Не показаны флагманы, которым запрос этого молодого директора уже был отклонён или истёк: {count}.");

    public static HtmlText AssignNoMentees => Html.Raw("В ваших районах нет молодых директоров без наставника и без ожидающего запроса.");

    public static HtmlText AssignNoMentors(DirectorProfile mentee, int refused) => Html.Format(
        $"Некого назначить. Молодой директор: {mentee.FullName}. В ваших районах нет флагманов, которые сейчас принимают запросы и имеют свободные места{(refused > 0 ? $"; флагманов, которым запрос уже был отклонён или истёк: {refused}" : "")}.");

    public static HtmlText AssignProposed(DirectorProfile mentee, DirectorProfile mentor) => Html.Format(
        $"Предложение отправлено флагману.\nНаставник: {mentor.FullName}\nМолодой директор: {mentee.FullName}\nПара будет составлена, когда флагман примет предложение.");

    public static HtmlText AssignMenteeBusy => Html.Raw("У этого молодого директора уже есть наставник или ожидающий ответа запрос.");

    public static HtmlText AssignMentorUnavailable => Html.Raw("Этому флагману сейчас нельзя назначить подопечного: свободных мест нет или приём запросов приостановлен.");

    public static string PersonButton(DirectorProfile person) => $"{ShortName(person.FullName)}, {person.School}";

    public static string MentorOption(int number, DirectorProfile mentor, double score) => $"{number}. {ShortName(mentor.FullName)} — {Percent(score)}";

    /// <summary>"Петрова Анна Сергеевна" → "Петрова А. С.", to fit a button.</summary>
    public static string ShortName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1 ? fullName : parts[0] + " " + string.Join(" ", parts.Skip(1).Select(p => char.ToUpper(p[0], Russian) + "."));
    }
}

public static class PartnershipTexts
{
    public const string OwnerMe = "Я";
    public const string OwnerPartner = "Партнёр";
    public const string OwnerBoth = "Вместе";
    public const string FeedbackButton = "Оставить отзыв";
    public const string NoteButton = "Добавить заметку";
    public const string OpenCardButton = "Открыть карточку";

    /// <param name="young">A young director is pointed to /find_mentor; a flagship to the requests waiting for them.</param>
    public static HtmlText NoPartnership(bool young) => Html.Raw(young
        ? "Активного партнёрства нет. Подобрать наставника — /find_mentor."
        : "Активного партнёрства нет. Запросы молодых директоров — /requests.");

    public static HtmlText ChoosePartnership => Html.Raw("Выберите партнёрство:");

    public static HtmlText NotAPartner => Html.Raw("Это партнёрство не ваше.");

    public static HtmlText NotActive => Html.Raw("Партнёрство уже завершено.");

    public static string StatusMark(PlanItemStatus status) => status switch
    {
        PlanItemStatus.Done => "✅",
        PlanItemStatus.InProgress => "⏳",
        _ => "○",
    };

    public static string StatusLabel(PlanItemStatus status) => status switch
    {
        PlanItemStatus.Done => "выполнено",
        PlanItemStatus.InProgress => "в работе",
        _ => "запланировано",
    };

    public static string OwnerLabel(PlanItemOwner owner) => owner switch
    {
        PlanItemOwner.Mentee => "молодой директор",
        PlanItemOwner.Mentor => "наставник",
        _ => "вместе",
    };

    public static string FormatLabel(MeetingFormat format) => format switch
    {
        MeetingFormat.Online => "онлайн",
        MeetingFormat.SchoolVisit => "визит в школу",
        MeetingFormat.JointCouncil => "совместный педсовет",
        _ => "семинар",
    };

    public static HtmlText AskPlanTitle => Html.Raw("Что сделать? Например: <i>консультация по локальным актам</i> (до 200 символов).");
    public static HtmlText AskPlanOwner => Html.Raw("Кто отвечает?");
    public static HtmlText AskPlanDue(string example) => Html.Format($"Срок — дата в формате ДД.ММ.ГГГГ, например {example}.");
    public static HtmlText BadDate => Html.Raw("Дата не распознана. Формат: ДД.ММ.ГГГГ, например 15.12.2026.");
    public static HtmlText DateInPast => Html.Raw("Эта дата уже прошла. Укажите сегодняшнюю или будущую.");
    public static HtmlText DateAfterEnd(string end) => Html.Format($"Дата позже окончания соглашения ({end}).");
    public static HtmlText PlanItemAdded(string title) => Html.Format($"Пункт плана добавлен: {title}. Карточка — /partnership.");
    public static HtmlText PartnerAddedPlanItem(string who, string title, string due) => Html.Format($"В план добавлен пункт: {title} (срок {due}). Автор пункта: {who}.");
    public static HtmlText ChoosePlanItem => Html.Raw("Какой пункт отметить? Выберите пункт, затем его статус.");
    public static HtmlText NoPlanItems => Html.Raw("В плане пока нет пунктов.");

    /// <summary>The button that sets a plan item to <paramref name="status"/>.</summary>
    public static string StatusButton(PlanItemStatus status) => status switch
    {
        PlanItemStatus.Done => "Выполнено",
        PlanItemStatus.InProgress => "В работе",
        _ => "Запланировано",
    };

    public const string OtherPlanItemButton = "Другой пункт";
    public static HtmlText ChoosePlanItemStatus(string title, PlanItemStatus status) =>
        Html.Format($"Пункт плана {RussianQuotes.Quote(title)}.\nСейчас: {StatusMark(status)} {StatusLabel(status)}. Выберите новый статус.");
    public static HtmlText PlanItemStatusSet(string title, PlanItemStatus status) =>
        Html.Format($"Статус пункта {RussianQuotes.Quote(title)}: {StatusLabel(status)}. Партнёр получит одно уведомление с итоговым статусом, когда вы закончите изменения; если статус вернётся к прежнему, уведомления не будет.");
    public static HtmlText PlanItemStatusUnchanged(string title, PlanItemStatus status) =>
        Html.Format($"Статус пункта {RussianQuotes.Quote(title)} уже такой: {StatusLabel(status)}. Ничего не изменено.");
    public static HtmlText PlanItemStatusChangedMeanwhile(string title, PlanItemStatus status) =>
        Html.Format($"Кнопка устарела: статус пункта {RussianQuotes.Quote(title)} уже изменён, сейчас — {StatusLabel(status)}. Ничего не изменено.");
    /// <summary>The partner's one notice after a burst of changes: where the item ended, where it was, and who changed it.</summary>
    public static HtmlText PartnerChangedPlanItem(string partnerName, string title, PlanItemStatus from, PlanItemStatus to) => Html.Format(
        $"План адресных мер поддержки: пункт {RussianQuotes.Quote(title)} — теперь {StatusLabel(to)} (было: {StatusLabel(from)}).\nИзменение от партнёра: {partnerName}. Карточка — /partnership.");

    public static HtmlText AskMeetingDate(string example) => Html.Format($"Дата встречи (ДД.ММ.ГГГГ), например {example}.");
    public static HtmlText AskMeetingTime => Html.Raw("Время по местному времени района (ЧЧ:ММ), например 15:30.");
    public static HtmlText BadTime => Html.Raw("Время не распознано. Формат: ЧЧ:ММ, например 15:30.");
    public static HtmlText MeetingInPast => Html.Raw("Это время уже прошло. Укажите будущее.");
    public static HtmlText AskMeetingFormat => Html.Raw("Формат встречи?");
    public static HtmlText AskMeetingNote => Html.Raw("Заметка к встрече (тема, ссылка, место) — до 300 символов, или «Пропустить».");
    /// <summary><paramref name="remindersBefore"/>: how long before the meeting each planned reminder goes, the earliest first.</summary>
    public static HtmlText MeetingSet(string when, string format, IReadOnlyList<TimeSpan> remindersBefore) => Html.Format(
        $"Встреча назначена: {when}, {format}.{(remindersBefore.Count == 0 ? "" : " Я напомню " + string.Join(" и ", remindersBefore.Select(LeadLabel)) + ".")}");

    public static string LeadLabel(TimeSpan before) =>
        before == TimeSpan.FromDays(1) ? "за сутки"
        : before.Ticks % TimeSpan.TicksPerDay == 0 ? $"за {(int)before.TotalDays} сут."
        : before == TimeSpan.FromHours(1) ? "за час"
        : before.Ticks % TimeSpan.TicksPerHour == 0 ? $"за {(int)before.TotalHours} ч"
        : $"за {(int)Math.Round(before.TotalMinutes)} мин";
    public static HtmlText PartnerSetMeeting(string who, string when, string format, string note) =>
        Html.Format($"Новая встреча: {when}, {format}. Назначена партнёром: {who}.{(note.Length == 0 ? "" : "\n" + note)}");

    public static HtmlText AskRating(string deficit, int index, int total) => Html.Format(
        $"Ежемесячная оценка ({index} из {total}). Насколько сейчас закрыт дефицит {RussianQuotes.Quote(deficit)}? 1 — совсем нет, 5 — полностью.");
    public static HtmlText AskCheckinComment => Html.Raw("Комментарий к оценке — что получилось, что мешает (до 500 символов), или «Пропустить».");
    public static HtmlText CheckinSaved => Html.Raw("Спасибо, оценка сохранена. Динамика — в карточке /partnership.");
    public static HtmlText CheckinToMentor(string who, string summary) => Html.Format($"Новая ежемесячная оценка. Молодой директор: {who}.\n{summary}\nДобавьте короткую заметку наставника.");
    public static HtmlText AskMentorNote => Html.Raw("Заметка наставника к оценке — до 500 символов.");
    public static HtmlText MentorNoteSaved => Html.Raw("Заметка сохранена.");

    public static HtmlText AskEndReason => Html.Raw("Почему вы завершаете партнёрство досрочно? Причину увидит партнёр (до 300 символов).");
    public static HtmlText EndedEarly => Html.Raw("Партнёрство завершено досрочно. Спасибо за работу! Можно оставить отзыв.");
    public static HtmlText PartnerEndedEarly(string who, string reason) => Html.Format($"Партнёрство завершено досрочно по решению партнёра. Партнёр: {who}.\nПричина: {reason}\nМожно оставить отзыв.");
    public static HtmlText Completed(string end) => Html.Format($"Срок соглашения истёк ({end}), партнёрство завершено. Спасибо за работу! Можно оставить отзыв.");

    public static HtmlText ProlongationQuestion(string end) => Html.Format(
        $"Соглашение заканчивается {end}. Продлить его ещё на год или закрыть по окончании срока?");
    public static HtmlText ProlongVoteRecorded(bool prolong) => prolong
        ? Html.Raw("Ваш голос «продлить» учтён. Продление вступит в силу, когда согласится партнёр.")
        : Html.Raw("Хорошо, партнёрство закроется по окончании срока.");
    public static HtmlText ProlongVoteAlreadyRecorded => Html.Raw("Ваш ответ уже учтён.");
    public static HtmlText Prolonged(string end) => Html.Format($"Обе стороны согласны: соглашение продлено до {end}.");
    public static HtmlText PartnerDeclinedProlongation(string who) => Html.Format($"{who} предпочитает закрыть партнёрство по окончании срока.");

    public static HtmlText AskFeedback => Html.Raw("Ваш отзыв о партнёрстве — что получилось, что посоветуете другим (до 1000 символов).");
    public static HtmlText FeedbackSaved => Html.Raw("Спасибо за отзыв!");

    public static HtmlText MentorErased => Html.Raw("Партнёрство завершено: наставник удалил свои данные из MentorBot. Подобрать нового наставника — /find_mentor.");
    public static HtmlText MenteeErased => Html.Raw("Партнёрство завершено: молодой директор удалил свои данные из MentorBot. Место подопечного освободилось.");

    /// <summary>To a coordinator: a pair of their district ended. <paramref name="how"/> says how, as a whole sentence.</summary>
    public static HtmlText PairEndedToCoordinator(HtmlText how, DirectorProfile? mentee, DirectorProfile? mentor)
    {
        var lines = new List<HtmlText> { how };
        if (mentee is not null)
        {
            lines.Add(Html.Format($"Молодой директор: {mentee.FullName}, {mentee.School}"));
        }
        if (mentor is not null)
        {
            lines.Add(Html.Format($"Наставник: {mentor.FullName}, {mentor.School}"));
        }
        if (mentee is not null)
        {
            lines.Add(Html.Raw("Молодой директор теперь без наставника. Назначить нового — /assign."));
        }
        return Html.Lines(lines);
    }

    public static HtmlText PairEndedEarly(bool byMentee, string reason) => Html.Format(
        $"Партнёрство завершено досрочно по решению {(byMentee ? "молодого директора" : "наставника")}. Причина: {reason}");
    public static HtmlText PairCompleted(string end) => Html.Format($"Срок соглашения истёк ({end}), партнёрство завершено.");
    public static HtmlText PairErased => Html.Raw("Партнёрство завершено: второй участник удалил свои данные из MentorBot.");
    public static HtmlText RequestCancelledByErasure => Html.Raw("Запрос на наставничество отменён: молодой директор удалил свои данные из MentorBot.");
    public static HtmlText RequestCancelledMentorErased => Html.Raw("Ваш запрос отменён: флагман удалил свои данные. Подобрать другого — /find_mentor.");
}
