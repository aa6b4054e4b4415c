using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Localization;

/// <summary>The texts of consent, registration, profiles and coordinators' approvals.</summary>
public static class ProfileTexts
{
    public const string ConsentVersion = "2026-11";
    public const string AgreeButton = "✅ Согласен(на)";
    public const string DeclineButton = "Не согласен(на)";
    public const string YoungButton = "Я молодой директор";
    public const string FlagshipButton = "Я директор-флагман";
    public const string DoneButton = "Готово";
    public const string SkipButton = "Пропустить";
    public const string SaveButton = "✓ Сохранить";
    public const string ResetOrderButton = "↺ Сначала";

    public static HtmlText Welcome => Html.Raw(
        """
        <b>MentorBot</b> — бот управленческих сетей директоров школ.

        Молодые директора и директора школ с низкими результатами находят здесь наставника из числа директоров-флагманов, а флагманы ведут с ними годовое партнёрство по плану адресных мер поддержки. Координаторы района подбирают пары и сообщают о форумах и стажировках.

        <b>Какие данные я храню и зачем</b>
        • ФИО, должность, школа, район и населённый пункт, тип и размер школы, её статус, стаж в должности;
        • профессиональные дефициты, сильные стороны и то, чем вы готовы поделиться, заметка о себе;
        • ваш идентификатор и имя пользователя в Telegram — чтобы писать вам и дать контакт вашему партнёру.

        Данные нужны только для подбора наставника и работы сети. Их видят координаторы вашего района и ваши партнёры; анкету флагмана видят в подборе и поиске коллеги-директора (скрыть её из поиска можно в настройках после регистрации), а контакт даётся только с вашего разрешения. Они хранятся, пока вы их не удалите: /my_data пришлёт всё, что хранится о вас, /delete_me удалит всё.

        Согласны ли вы на обработку персональных данных (152-ФЗ)?
        """);

    public static HtmlText ConsentDeclined => Html.Raw(
        "Понимаю. Без согласия я ничего о вас не сохраняю. Если передумаете — нажмите /start.");

    public const string AlreadyRegistered = "У вас уже есть анкета или начатый диалог. Анкета — /profile.";

    public static HtmlText ChooseRole => Html.Raw("Спасибо! Кто вы?");

    public static HtmlText InviteInvalid => Html.Raw(
        "Ссылка-приглашение недействительна: она неверна, уже использована или истекла. Попросите координатора о новой.");

    public static HtmlText AlreadyInDialog => Html.Raw("Вы уже заполняете анкету — продолжим.");

    public static HtmlText WelcomeBack(string name) => Html.Format($"С возвращением, {name}! Команды — /help.");

    public static HtmlText CoordinatorWelcome(string districts) =>
        Html.Format($"Вы — координатор ({districts}). Команды координатора — /help.");

    public static HtmlText AskName => Html.Raw("Как вас зовут? Напишите фамилию, имя и отчество.");
    public static HtmlText AskPosition => Html.Raw("Ваша должность? Например: <i>директор</i>.");
    public static HtmlText AskSchool => Html.Raw("Ваша школа: название или номер. Например: <i>МАОУ СОШ № 9</i>.");
    public static HtmlText AskDistrict => Html.Raw("Ваш муниципальный район (округ)?");
    public static HtmlText AskSettlement => Html.Raw("Населённый пункт школы? Например: <i>ст. Динская</i>.");
    public static HtmlText AskKind => Html.Raw("Школа сельская или городская?");
    public static HtmlText AskSize => Html.Raw("Сколько в школе учащихся?");
    public static HtmlText AskStatus => Html.Raw("Есть ли у школы особый статус?");
    public static HtmlText AskYears => Html.Raw("Сколько полных лет вы работаете директором? Напишите число, например <i>1</i>.");
    public static HtmlText AskCapacity => Html.Raw("Скольких молодых директоров вы готовы сопровождать одновременно?");

    public static HtmlText AskDeficits(int selected) => Html.Format(
        $"Выберите ваши профессиональные дефициты — от 1 до 5. Нажмите ещё раз, чтобы снять выбор. Выбрано: {selected}.");

    public static HtmlText AskPriority(IReadOnlyList<string> orderedLabels) => Html.Lines(
        new[] { Html.Raw("Расставьте дефициты по важности: нажимайте их по очереди, начиная с самого острого.") }
            .Concat(orderedLabels.Select((label, i) => Html.Format($"{i + 1}. {label}"))));

    public static HtmlText AskOffers(int selected) => Html.Format(
        $"Чем вы могли бы поделиться с партнёром в ответ? Можно выбрать несколько или пропустить. Выбрано: {selected}.");

    public static HtmlText AskStrengths(int selected) => Html.Format(
        $"В чём ваши сильные стороны — с чем вы можете помочь молодым директорам? Выберите хотя бы одну. Выбрано: {selected}.");

    public static HtmlText AskWants(int selected) => Html.Format(
        $"Чему вы сами хотели бы научиться у коллег? Можно выбрать несколько или пропустить. Выбрано: {selected}.");

    public static HtmlText AskNote => Html.Raw("Коротко о себе или о запросе — до 500 символов. Или нажмите «Пропустить».");

    public static HtmlText Confirm(HtmlText card) => Html.Format($"Проверьте анкету:\n\n{card}\n\nВсё верно?");

    public static HtmlText Empty => Html.Raw("Ответ не может быть пустым.");
    public static HtmlText TooLong(int max) => Html.Format($"Слишком длинно: не больше {max} символов.");
    public static HtmlText BadName(string problem) => Html.Format($"ФИО не подходит: {problem}.");
    public static HtmlText NeedsLetters => Html.Raw("Ответ должен содержать буквы.");
    public static HtmlText UnknownDistrict => Html.Raw("Такого района нет в списке. Выберите район кнопкой.");
    public static HtmlText UseButtons => Html.Raw("Выберите вариант кнопкой.");
    public static HtmlText BadYears => Html.Raw("Напишите число лет от 0 до 60, например <i>3</i>.");
    public static HtmlText DeficitsRange => Html.Raw("Выберите от 1 до 5 дефицитов.");
    public static HtmlText AtLeastOneStrength => Html.Raw("Выберите хотя бы одну сильную сторону.");

    public static HtmlText SavedYoung => Html.Raw("Анкета сохранена. Подобрать наставника — /find_mentor. Все команды — /help.");
    public static HtmlText SavedPendingFlagship => Html.Raw(
        "Анкета сохранена и отправлена координатору района на подтверждение. Я напишу, когда её рассмотрят.");
    public const string BecomeFlagshipButton = "Стать флагманом";
    public const string StayYoungButton = "Остаться молодым директором";

    public static HtmlText RoleChangeQuestion(string? pendingMentor, bool coordinatorAsked)
    {
        var closes = new List<string>();
        if (pendingMentor is not null)
        {
            closes.Add($"• ваш запрос на наставничество будет отозван (флагман: {pendingMentor});");
        }
        if (coordinatorAsked)
        {
            closes.Add("• просьба к координатору подобрать вам наставника будет снята;");
        }
        return Html.Format(
            $"""
            Это приглашение стать директором-флагманом. Сейчас вы зарегистрированы как молодой директор, а роль у анкеты одна.
            Если продолжить, вы заполните анкету флагмана, и после её сохранения:
            {string.Join("\n", closes.Append("• вы станете подтверждённым флагманом, координатор района получит уведомление."))}
            До сохранения ничего не меняется. Стать флагманом?
            """);
    }

    public static HtmlText RoleChangeBlocked(string mentor, string end) => Html.Format(
        $"Это приглашение стать директором-флагманом. Сейчас у вас идёт партнёрство как у молодого директора (наставник: {mentor}, соглашение до {end}). Пока оно идёт, роль не меняется. Когда партнёрство завершится, откройте ссылку-приглашение снова. Карточка партнёрства — /partnership.");

    public static HtmlText RoleChangeBlockedToCoordinator(string name, string school, string district) => Html.Format(
        $"Приглашение флагмана открыл молодой директор с активным партнёрством; роль не изменена до завершения партнёрства.\nМолодой директор: {name}, {school} ({district})");

    public static HtmlText RoleChangedToCoordinator(string name, string school, string district) => Html.Format(
        $"По приглашению роль изменена: молодой директор стал директором-флагманом; открытый запрос на наставничество, если был, отозван.\nФлагман: {name}, {school} ({district})");

    public static HtmlText RequestWithdrawnByRoleChange(string name) => Html.Format(
        $"Запрос на наставничество отозван: автор запроса теперь директор-флагман.\nАвтор запроса: {name}");

    public static HtmlText RoleUnchanged => Html.Raw("Хорошо, вы остаётесь молодым директором. Приглашение не использовано.");

    public static HtmlText RoleChangeInviteLost => Html.Raw(
        "Приглашение уже использовано или истекло, поэтому роль не изменена: вы остаётесь молодым директором. Попросите у координатора новую ссылку.");

    public static HtmlText AlreadyFlagship => Html.Raw("Вы уже директор-флагман, приглашение не понадобилось. Ваши команды — /help.");

    public static HtmlText SavedApprovedFlagship => Html.Raw("Анкета сохранена, вы — директор-флагман. Команды — /help.");
    public static HtmlText ProfileUpdated => Html.Raw("Изменения сохранены. Анкета — /profile.");
    public static HtmlText InviteTakenMeanwhile => Html.Raw(
        "Анкета сохранена, но приглашение уже использовали, поэтому её рассмотрит координатор.");

    public static HtmlText NewFlagshipForReview(string name, string school, string district) =>
        Html.Format($"Новая заявка директора-флагмана: {name}, {school} ({district}). Рассмотреть — /approvals.");

    public static string SettlementKindLabel(SettlementKind kind) => kind switch
    {
        SettlementKind.Rural => "сельская",
        _ => "городская",
    };

    public static string SizeLabel(SizeBand size) => size switch
    {
        SizeBand.Small => "до 300 учащихся",
        SizeBand.Medium => "300–1000 учащихся",
        _ => "более 1000 учащихся",
    };

    public static string StatusLabel(SchoolStatus status) => status switch
    {
        SchoolStatus.LowResults => "ШНОР — низкие образовательные результаты",
        SchoolStatus.Unfavourable => "ШФНСУ — неблагоприятные социальные условия",
        _ => "нет",
    };

    public static string RoleLabel(DirectorProfile profile) => profile switch
    {
        { Role: DirectorRole.Young } => "молодой директор",
        { Status: ProfileStatus.Approved } => "директор-флагман",
        { Status: ProfileStatus.Rejected } => "директор-флагман (заявка отклонена)",
        _ => "директор-флагман (ждёт подтверждения координатора)",
    };

    /// <summary>The whole profile as people read it; labels come from the current configuration.</summary>
    public static HtmlText Card(DirectorProfile profile, Taxonomy taxonomy, Districts districts)
    {
        var lines = new List<HtmlText>
        {
            Html.Format($"<b>{profile.FullName}</b> — {RoleLabel(profile)}"),
            Html.Format($"Должность: {profile.Position}"),
            Html.Format($"Школа: {profile.School}"),
            Html.Format($"Район: {districts.Name(profile.District)}, {profile.Settlement}"),
            Html.Format($"Школа {SettlementKindLabel(profile.SettlementKind)}, {SizeLabel(profile.SizeBand)}; статус: {StatusLabel(profile.SchoolStatus)}"),
            Html.Format($"Стаж директором: {RussianPlural.Years(profile.YearsAsDirector)}"),
        };
        if (profile.Role == DirectorRole.Young)
        {
            lines.Add(Html.Format($"Дефициты (по важности): {Numbered(profile.Deficits, taxonomy)}"));
            lines.Add(Html.Format($"Могу предложить: {Listed(profile.Offers, taxonomy)}"));
        }
        else
        {
            lines.Add(Html.Format($"Сильные стороны: {Listed(profile.Strengths, taxonomy)}"));
            lines.Add(Html.Format($"Могу сопровождать одновременно: {RussianPlural.Of(profile.Capacity, "молодой директор", "молодых директора", "молодых директоров")}"));
            lines.Add(Html.Format($"Хочу научиться: {Listed(profile.WantsToLearn, taxonomy)}"));
        }
        lines.Add(Html.Format($"О себе: {(profile.Note.Length == 0 ? "—" : profile.Note)}"));
        return Html.Lines(lines);
    }

    public static string Listed(IReadOnlyList<string> codes, Taxonomy taxonomy) =>
        codes.Count == 0 ? "—" : string.Join("; ", codes.Select(taxonomy.Label));

    public static string Numbered(IReadOnlyList<string> codes, Taxonomy taxonomy) =>
        codes.Count == 0 ? "—" : string.Join("; ", codes.Select((code, i) => $"{i + 1}) {taxonomy.Label(code)}"));
}
