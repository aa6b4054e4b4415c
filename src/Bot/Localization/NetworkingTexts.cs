using System.Globalization;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;
using MentorBot.Matching.Peers;

namespace MentorBot.Bot.Localization;

/// <summary>The texts of networking: search, contacts, the bank of practices, internship sites, peer meetings, forum links.</summary>
public static class NetworkingTexts
{
    public const string PreviousPage = "‹ Назад";
    public const string NextPage = "Далее ›";

    private static string Q(string text) => RussianQuotes.Quote(text);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A link that opens the person's chat, and their @username when known. Only ever sent with their consent.</summary>
    public static HtmlText Contact(long userId, string name, string? username) =>
        username is { Length: > 0 }
            ? Html.Format($"{Html.Link($"tg://user?id={userId}", name)} (@{username})")
            : Html.Link($"tg://user?id={userId}", name);

    // Search.
    public const string ByCompetencyButton = "По компетенции";
    public const string ByDistrictButton = "По району";

    public static HtmlText FindMenu => Html.Raw(
        """
        <b>Поиск коллег</b>: директора-флагманы и директора, открытые для знакомства.
        Выберите компетенцию или район — или напишите слова из названия школы, населённого пункта или заметки о себе, например: <i>/find СОШ №9</i> или <i>/find Динская</i>.
        """);

    public static HtmlText ChooseCompetency => Html.Raw("Какая компетенция нужна?");
    public static HtmlText ChooseDistrict => Html.Raw("Какой район?");
    public static HtmlText QueryTooShort => Html.Raw("Напишите после /find хотя бы два символа, например: <i>/find лицей</i>.");
    public static HtmlText QueryTooLong(int max) => Html.Format($"Слишком длинный запрос: не больше {max} символов.");

    public static HtmlText SearchHeader(string what, int total, int page, int pages) => pages == 1
        ? Html.Format($"<b>Поиск: {what}</b> — найдено: {total}")
        : Html.Format($"<b>Поиск: {what}</b> — найдено: {total}, страница {page} из {pages}");

    public static HtmlText NothingFound => Html.Raw("Никого не нашлось. Попробуйте другую компетенцию, район или слова.");

    public static HtmlText SearchResult(int number, DirectorProfile person, string district, string competencies)
    {
        var role = person.Role == DirectorRole.Flagship ? "директор-флагман" : "директор";
        var note = person.Note.Length == 0 ? "" : "\n   О себе: " + Excerpt(person.Note, 200);
        return Html.Format($"{number}. <b>{MentorshipTexts.ShortName(person.FullName)}</b> — {role}\n   {person.School}, {person.Settlement}, {district}\n   Компетенции: {competencies}{note}");
    }

    public static string WriteButton(string name) => "✉ Написать: " + MentorshipTexts.ShortName(name);

    // Contacts and introductions.
    public const string SettingsSaved = "Сохранено.";
    public const string AcceptIntroductionButton = "✅ Познакомиться";
    public const string DeclineIntroductionButton = "Не сейчас";
    public const string ProfileUnavailable = "Этот профиль больше не доступен в поиске.";
    public const string IntroductionAlreadySent = "Запрос на знакомство уже отправлен — дождитесь ответа.";
    public const string IntroductionDeclinedBefore = "На ваш запрос уже ответили: сейчас знакомство не состоится.";
    public const string IntroductionAlreadyAnswered = "Вы уже ответили на этот запрос.";
    public const string NotYourIntroduction = "Это не ваш запрос на знакомство.";

    public static string TooManyIntroductions(int max) =>
        $"У вас уже {RussianPlural.Of(max, "запрос", "запроса", "запросов")} без ответа. Дождитесь ответов, прежде чем отправлять новые.";

    public static string ContactSwitch(bool allow) => allow ? "Разрешить давать мой контакт" : "Не давать мой контакт без запроса";

    public static string ListedSwitch(bool listed) => listed ? "Показывать меня в поиске" : "Скрыть меня из поиска";

    public static HtmlText Settings(bool allowContact, bool listed) => Html.Format(
        $"""
        <b>Нетворкинг: мои настройки</b>

        Поиск /find: {(listed ? "вас видят зарегистрированные директора и координаторы" : "вас нет в результатах поиска")}.
        Контакт: {(allowContact
            ? "по кнопке «Написать» коллега сразу получает ссылку на ваш Telegram"
            : "по кнопке «Написать» вам приходит запрос на знакомство, и контакт передаётся, только если вы согласитесь")}.
        """);

    public static HtmlText ContactOf(HtmlText contact, string school) => Html.Format($"Контакт коллеги: {contact}, {school}. Напишите напрямую в Telegram.");

    public static HtmlText DirectorAsking(DirectorProfile person, string district) => Html.Format(
        $"<b>{person.FullName}</b> — {ProfileTexts.RoleLabel(person)}, {person.School} ({district})");

    public static HtmlText CoordinatorAsking(string name, string districts) => Html.Format($"<b>{name}</b> — координатор ({districts})");

    public static HtmlText IntroductionRequest(HtmlText who) => Html.Format(
        $"""
        Запрос на знакомство через MentorBot:
        {who}

        Если согласитесь, вы оба получите контакты друг друга в Telegram. Если нет — коллеге вежливо сообщат, контакт не передаётся.
        """);

    public static HtmlText IntroductionSent(string name) => Html.Format(
        $"{MentorshipTexts.ShortName(name)} делится контактом только с согласия — запрос на знакомство отправлен. Ответ придёт сюда.");

    public static HtmlText YouAcceptedIntroduction(HtmlText contact) => Html.Format($"Вы согласились на знакомство. Контакт коллеги: {contact}.");

    public static HtmlText YouDeclinedIntroduction(string name) => Html.Format($"Вы отклонили запрос на знакомство. Автор запроса: {name}. Ваш контакт не передан.");

    public static HtmlText IntroductionAccepted(HtmlText contact, string school) => Html.Format(
        $"Запрос на знакомство принят: {contact}, {school}. Напишите напрямую в Telegram.");

    public static HtmlText IntroductionDeclined(string name) => Html.Format(
        $"{MentorshipTexts.ShortName(name)} сейчас не может познакомиться — спасибо за понимание. Другие коллеги — /find.");

    // The bank of practices.
    public const string MyDeficitsButton = "По моим открытым дефицитам";
    public const string ByMyDeficits = "по вашим открытым дефицитам";
    public const string BackToTopicsButton = "‹ К темам";
    public const string KeepSchoolButton = "Оставить эту школу";
    public const string SendForReviewButton = "✓ Отправить на проверку";
    public const string ApprovePracticeButton = "✅ Опубликовать";
    public const string RejectPracticeButton = "Отклонить";
    public const string PracticeAlreadyReviewed = "Эту практику уже рассмотрели.";

    public static readonly IReadOnlyList<string> PracticeRejectionReasons =
    [
        "Нужно подробнее описать практику и её результаты",
        "Не относится к управленческому опыту",
        "Ссылка не открывается или ведёт не туда",
    ];

    public static string CodeWithCount(string label, int count) => $"{label} ({count})";

    public static string OpenPracticeButton(int number) => $"Открыть {number}";

    /// <param name="mayPublish">Whether the reader may publish: only then is the command named.</param>
    public static HtmlText BankEmpty(bool mayPublish) => Html.Raw(mayPublish
        ? "В банке практик пока пусто. Поделитесь своим опытом первым — /publish_practice."
        : "В банке практик пока пусто. Директора-флагманы и стажировочные площадки публикуют здесь свой опыт.");

    public static HtmlText BankMenu => Html.Raw("<b>Банк успешного управленческого опыта</b>\nВыберите дефицит, с которым работаете:");

    public static HtmlText BankPageHeader(string topic, int total, int page, int pages) =>
        Html.Format($"<b>Практики: {topic}</b> — найдено: {total}, страница {page} из {pages}");

    public static HtmlText PracticeLine(int number, string title, string school, string district, string description) =>
        Html.Format($"{number}. <b>{title}</b>\n   {school}, {district}\n   {Excerpt(description, 200)}");

    public static HtmlText PracticeCard(string title, string school, string district, string codes, string description, string? link)
    {
        var card = Html.Format($"<b>{title}</b>\n{school}, {district}\nДефициты: {codes}\n\n{description}");
        return link is null ? card : card + Html.Format($"\n\nПодробнее: {Html.Link(link, link)}");
    }

    public static HtmlText SuggestedPractices(IReadOnlyList<(string Title, string School, string District)> practices) => Html.Lines(
        new[] { Html.Raw("📚 <b>Практики из банка опыта по вашим дефицитам</b>") }
            .Concat(practices.Select(p => Html.Format($"• {p.Title} — {p.School}, {p.District}")))
            .Append(Html.Raw("Все практики — /practices")));

    public static HtmlText NotAPublisher => Html.Raw(
        "Публиковать практики в банке опыта могут директора-флагманы и директора стажировочных площадок.");

    public static HtmlText AskPracticeTitle => Html.Raw("Название практики — коротко, до 200 символов. Например: <i>Совместный педсовет двух школ по обновлённым ФГОС</i>.");

    public static HtmlText AskPracticeCodes(int selected) => Html.Format(
        $"С какими дефицитами помогает практика? Выберите от 1 до 5 и нажмите «Готово». Выбрано: {selected}.");

    public static HtmlText CodesRange(int max) => Html.Format($"Выберите от 1 до {max} дефицитов.");

    public static HtmlText AskPracticeDescription(int max) => Html.Format(
        $"Опишите практику: что делали, как, какой получили результат — до {max} символов.");

    public static HtmlText AskPracticeLink => Html.Raw(
        "Ссылка на материалы (http:// или https://) — или нажмите «Пропустить».");

    public static HtmlText BadLink => Html.Raw("Это не похоже на ссылку. Нужен адрес, начинающийся с http:// или https://, без пробелов.");

    public static HtmlText AskPracticeSchool(string school) => Html.Format($"Школа, чей это опыт: {school}. Оставить её или напишите другую.");

    public static HtmlText ConfirmPractice(HtmlText card) => Html.Format(
        $"""
        Проверьте практику:

        {card}

        После одобрения координатором района её увидят все в /practices. Одобренная практика остаётся в банке как опыт школы, даже если вы потом удалите свои данные.
        """);

    public static HtmlText PracticeSubmitted(string title) => Html.Format(
        $"Практика {Q(title)} отправлена координатору района на проверку. Я напишу, когда её рассмотрят.");

    public static HtmlText PracticeForReview(string title, string author, string school, string district) => Html.Format(
        $"Новая практика на проверку: {Q(title)} — {author}, {school} ({district}). Все ожидающие — /review_practices.");

    public static HtmlText NoPracticesToReview => Html.Raw("Практик на проверке нет.");

    public static HtmlText PracticesToReview(int count) => Html.Format($"Практик на проверке: {count}.");

    public static HtmlText PracticeApproved(string title) => Html.Format($"Практика {Q(title)} опубликована в банке опыта.");

    public static HtmlText YourPracticeApproved(string title) => Html.Format($"Ваша практика {Q(title)} одобрена и опубликована в банке опыта — /practices.");

    public static HtmlText AskPracticeRejectionReason(string title) => Html.Format($"Почему практика {Q(title)} не подходит? Автор увидит причину.");

    public static HtmlText PracticeRejected(string title, string reason) => Html.Format($"Практика {Q(title)} отклонена. Причина: {reason}.");

    public static HtmlText YourPracticeRejected(string title, string reason) => Html.Format(
        $"Практика {Q(title)} не одобрена координатором района. Причина: {reason}. Её можно доработать и отправить снова — /publish_practice.");

    // Internship sites.
    public const string NewSiteButton = "+ Новая стажировочная площадка";
    public const string DeclineParticipantButton = "Отклонить";
    public const string ProgrammeClosed = "Эта программа уже завершилась или её нет.";
    public const string YouHostThisProgramme = "Это программа вашей школы — вы её проводите.";
    public const string RequestAlreadyDecided = "По этой заявке уже принято решение.";

    public static string AlreadyAskedToJoin(ParticipationStatus? status) => status switch
    {
        ParticipationStatus.Confirmed => "Вы уже участник этой программы.",
        ParticipationStatus.Declined => "Ваша заявка на эту программу уже рассмотрена.",
        _ => "Ваша заявка уже отправлена и ждёт решения координатора.",
    };

    public static string JoinButton(int number, string school) => $"Заявка {number}: {school}";

    public static string SiteRequestsButton(string school) => $"Заявки и участники: {school}";

    public static string ConfirmParticipantButton(string name) => $"✅ {name}";

    public static string ProgrammeAudience(string school, string theme) => $"Участники стажировки: {school}, {Q(theme)}";

    public static HtmlText NoProgrammes => Html.Raw("Сейчас нет открытых программ стажировочных площадок. Координатор района сообщит о новых.");

    public static HtmlText ProgrammesHeader(int total, int page, int pages) =>
        Html.Format($"<b>Стажировочные площадки</b> — программ: {total}, страница {page} из {pages}");

    public static HtmlText ProgrammeLine(
        int number, string school, string district, string theme, DateOnly starts, DateOnly ends, string codes, bool hosting, ParticipationStatus? status)
    {
        var mark = hosting ? "\n   Это ваша площадка."
            : status switch
            {
                ParticipationStatus.Confirmed => "\n   ✅ Вы участник.",
                ParticipationStatus.Requested => "\n   Ваша заявка ждёт решения координатора.",
                ParticipationStatus.Declined => "\n   Заявка отклонена.",
                _ => "",
            };
        return Html.Format($"{number}. <b>{school}</b> ({district})\n   Тема: {theme}\n   {Date(starts)} — {Date(ends)}; дефициты: {codes}{mark}");
    }

    public static HtmlText JoinRequested(string school, string theme) => Html.Format(
        $"Заявка на программу {Q(theme)} ({school}) отправлена координатору. Я напишу, когда придёт ответ.");

    public static HtmlText JoinRequestToCoordinator(string name, string school, string district, string siteSchool, string theme) => Html.Format(
        $"Заявка на стажировку: {name}, {school} ({district}) — программа {Q(theme)}, площадка {siteSchool}. Все заявки — /sites.");

    public static HtmlText YouAreParticipant(string school, string theme, DateOnly starts, DateOnly ends) => Html.Format(
        $"Вы участник программы стажировочной площадки {Q(theme)} ({school}), {Date(starts)} — {Date(ends)}. Объявления о занятиях будут приходить сюда.");

    public static HtmlText ParticipationDeclined(string school, string theme) => Html.Format(
        $"Заявка на программу {Q(theme)} ({school}) отклонена координатором. Другие программы — /internships.");

    public static HtmlText SitesHeader(int count) => count == 0
        ? Html.Raw("<b>Стажировочные площадки</b>: открытых программ в ваших районах нет.")
        : Html.Format($"<b>Стажировочные площадки</b> — открытых программ: {count}");

    public static HtmlText SiteLine(string school, string district, string theme, DateOnly starts, DateOnly ends, int waiting, int confirmed) => Html.Format(
        $"<b>{school}</b> ({district}): {Q(theme)}, {Date(starts)} — {Date(ends)}\n   заявок ждёт решения: {waiting}, участников: {confirmed}");

    public static HtmlText SiteRequests(string school, string theme, IReadOnlyList<string> waiting, IReadOnlyList<string> confirmed) => Html.Lines(
        new[] { Html.Format($"<b>{school}</b>: {Q(theme)}"), Html.Format($"\nЖдут решения: {waiting.Count}") }
            .Concat(waiting.Select((w, i) => Html.Format($"{i + 1}. {w}")))
            .Append(Html.Format($"\nУчастники: {confirmed.Count}"))
            .Concat(confirmed.Select((c, i) => Html.Format($"{i + 1}. {c}")))
            .Append(Html.Raw("\nЗанятия программы объявляйте через /announce: в выборе получателей есть её участники.")));

    public static HtmlText AskSiteHost(int found) => found == 0
        ? Html.Raw("На базе какой школы площадка? Напишите часть названия школы или фамилию директора — директор должен быть зарегистрирован в боте.")
        : Html.Raw("Выберите директора кнопкой или напишите другой запрос.");

    public static HtmlText NoHostFound => Html.Raw(
        "В ваших районах нет зарегистрированного директора с такой школой или фамилией. Попробуйте другое слово.");

    public static HtmlText AskSiteTheme => Html.Raw(
        "Тема программы, до 200 символов. Например: <i>Повышение эффективности управления качеством образования</i>.");

    public static HtmlText AskSiteCodes(int selected) => Html.Format(
        $"С какими дефицитами работает площадка? Выберите от 1 до 5 и нажмите «Готово». Выбрано: {selected}.");

    public static HtmlText AskSiteStart => Html.Raw("Дата начала программы, ДД.ММ.ГГГГ.");

    public static HtmlText AskSiteEnd => Html.Raw("Дата окончания программы, ДД.ММ.ГГГГ.");

    public static HtmlText BadSiteEnd(int years) => Html.Format($"Окончание — не раньше начала и не позже чем через {RussianPlural.Years(years)} после него.");

    public static HtmlText ConfirmSite(string school, string district, string theme, string codes, DateOnly starts, DateOnly ends) => Html.Format(
        $"""
        Проверьте стажировочную площадку:

        <b>{school}</b> ({district})
        Тема: {theme}
        Дефициты: {codes}
        Программа: {Date(starts)} — {Date(ends)}
        """);

    public static HtmlText SiteCreated(string school, string theme) => Html.Format(
        $"Площадка создана: {school}, {Q(theme)}. Директора подают заявки через /internships, вы подтверждаете их в /sites.");

    public static HtmlText YourSchoolIsASite(string school, string theme, DateOnly starts, DateOnly ends) => Html.Format(
        $"Ваша школа ({school}) — стажировочная площадка: {Q(theme)}, {Date(starts)} — {Date(ends)}. Делитесь опытом в банке практик — /publish_practice.");

    // Peer meetings.
    public const string JoinLocalButton = "☕ Участвовать: коллеги моего района";
    public const string JoinCrossButton = "☕ Участвовать: можно из других районов";
    public const string PauseButton = "Пауза";
    public const string ResumeButton = "Возобновить участие";
    public const string LeaveButton = "Выйти из случайного кофе";
    public const string MetButton = "Да, встретились";
    public const string NotMetButton = "Нет, не получилось";

    public static string CrossSwitch(bool cross) => cross ? "Можно и из других районов" : "Только мой район";

    public static HtmlText CoffeeStatus(bool joined, bool paused, bool cross, string nextRound)
    {
        var about = Html.Raw(
            "<b>Случайный кофе</b>: раз в месяц я знакомлю вас с директором другой школы — сначала из вашего района. Участвуя, вы соглашаетесь, что собеседник получит ваш контакт в Telegram.");
        var status = !joined ? Html.Raw("Вы пока не участвуете.")
            : paused ? Html.Raw("Вы на паузе: в раундах не участвуете, пока не возобновите.")
            : Html.Format($"Вы участвуете: {(cross ? "собеседник из вашего района, а если никого — из другого" : "собеседник только из вашего района")}.");
        return Html.Format($"{about}\n\n{status}\nСледующий раунд — {nextRound}.");
    }

    public static HtmlText PartnerLine(HtmlText contact, string school, string district) => Html.Format($"{contact}, {school} ({district})");

    public static HtmlText Matched(IReadOnlyList<HtmlText> partners) => partners.Count == 1
        ? Html.Format($"☕ <b>Случайный кофе</b>: в этом месяце ваш собеседник — {partners[0]}.\n\nДоговоритесь о встрече, очно или онлайн, на 30–60 минут. Через неделю я спрошу, удалось ли встретиться.")
        : Html.Format($"☕ <b>Случайный кофе</b>: в этом месяце вы встречаетесь втроём:\n{Html.Lines(partners.Select(p => Html.Format($"• {p}")))}\n\nДоговоритесь о встрече, очно или онлайн, на 30–60 минут. Через неделю я спрошу, удалось ли встретиться.");

    public static HtmlText LeftOut(LeftOutReason reason, string nextRound)
    {
        var why = reason switch
        {
            LeftOutReason.Alone => "кроме вас, в этом раунде никто не участвует",
            LeftOutReason.NoOneInReach => "в вашем районе больше никто не участвует — разрешите встречи с коллегами из других районов в /coffee",
            LeftOutReason.MetEveryoneRecently => "со всеми участниками, с кем можно встретиться, вы виделись в последние раунды",
            _ => "все возможные собеседники уже получили пару",
        };
        return Html.Format($"☕ В этом месяце пары для вас не нашлось: {why}. Следующий раунд — {nextRound}.");
    }

    public static HtmlText DidYouMeet(IReadOnlyList<string> partners) => Html.Format(
        $"☕ Случайный кофе: удалось встретиться? {(partners.Count == 1 ? "Ваш собеседник" : "Ваши собеседники")}: {string.Join(", ", partners.Select(MentorshipTexts.ShortName))}.");

    public static HtmlText GladYouMet => Html.Raw("Отлично! Спасибо, что рассказали. Следующий собеседник — в новом раунде.");

    public static HtmlText SorryYouDidNotMeet => Html.Raw("Жаль! Договориться можно и сейчас — контакт в сообщении выше. Поставить участие на паузу — /coffee.");

    // Forum links.
    public const string ForumYoungButton = "Молодых директоров";
    public const string ForumFlagshipButton = "Директоров-флагманов (с проверкой)";
    public const string ForumYoungRole = "молодой директор";
    public const string ForumFlagshipRole = "директор-флагман";
    public const string RevokeForumLinkButton = "Отозвать ссылку";
    public const string ForumLinkAlreadyRevoked = "Ссылка уже отозвана.";

    public static string ForumLinkRevoked(long opened) => $"Ссылка отозвана. Её открыли {RussianPlural.Of(opened, "раз", "раза", "раз")}.";

    public static string Days(int days) => RussianPlural.Days(days);

    public static HtmlText ChooseForumRole => Html.Raw("Кого регистрирует ссылка форума?");

    public static HtmlText ChooseForumDistrict => Html.Raw("В какой район?");

    public static HtmlText ChooseForumLifetime => Html.Raw("Сколько действует ссылка?");

    public static HtmlText ForumLinkCreated(string link, string role, string district, string until, bool reviewed) => Html.Format(
        $"""
        Ссылка для форума: {link}

        Кто её откроет, зарегистрируется как {role}, район — {district}, без вопросов о роли и районе. Ссылка многоразовая, действует до {until}.{(reviewed ? " Флагманов по ней вы подтверждаете в /approvals." : "")}
        QR-код для слайда — следующим сообщением.
        """);

    public static HtmlText ForumQrCaption(string role, string district) => Html.Format($"QR-код: регистрация в MentorBot — {role}, {district}.");

    public static HtmlText ForumLinkInvalid => Html.Raw("Ссылка форума недействительна: она неверна, отозвана или истекла. Попросите координатора о новой или нажмите /start.");

    public static HtmlText ForumWelcome(string role, string district) => Html.Format($"Регистрация по ссылке форума: {role}, {district}.");

    private static string Excerpt(string text, int max)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length <= max ? flat : flat[..max].TrimEnd() + "…";
    }
}
