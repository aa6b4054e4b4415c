using MentorBot.Bot.Features.DesignatedPairs;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Schools;

namespace MentorBot.Bot.Localization;

public static class DesignatedPairTexts
{
    public const string ConfirmButton = "✅ Подтвердить";
    public const string DeclineButton = "Отказаться";
    private const int ListedAtMost = 15;

    // A line of the list.
    public const string FlagshipWord = "флагманской школы";
    public const string YoungWord = "школы молодого директора";

    public static string NoArrow => "нет стрелки «→» между номером флагманской школы и номерами школ молодых директоров";

    public static string TwoArrows => "в строке больше одной стрелки: нужна одна флагманская школа на строку";

    public static string NoYoungNumbers => "не указаны номера школ молодых директоров";

    public static string MissingNumber(string word) => $"не указан номер {word}";

    public static string BadNumber(string word, string text) => $"„{text}“ не похоже на номер {word}";

    public static string SameSchoolBothSides(string number) => $"школа №{number} указана с обеих сторон стрелки";

    public static string DuplicatePair(string flagship, string young, int firstLine) => $"пара №{flagship} → №{young} уже указана в строке {firstLine}";

    public static string YoungTwice(string young, string firstFlagship, int firstLine) =>
        $"школа №{young} уже закреплена за школой №{firstFlagship} в строке {firstLine}: у школы может быть только одна флагманская школа";

    public static string TooManyPairs(int max) => $"в списке больше {max} пар — разделите его";

    public static string EmptyList => "список пуст";

    public static HtmlText MissingColumns => Html.Raw(
        "Файл не принят: не найдены столбцы с номерами школ. Первая строка таблицы — заголовки, например «Флагманская школа» и «Школа молодого директора». Закреплённые пары не изменены.");

    // Against the registry, the profiles and the capacities.
    public static string UnknownSchool(string number) => $"школы №{number} нет в реестре района (или она отмечена закрытой)";

    public static string NotFlagship(string number) => $"по реестру школа №{number} не флагманская";

    public static string YoungIsFlagship(string number) => $"по реестру школа №{number} флагманская, а справа от стрелки нужна школа молодого директора";

    public static string HasMentorAlready(string young, string mentorSchool) =>
        $"у директора школы №{young} уже есть действующее партнёрство с другой школой ({mentorSchool})";

    public static string OverCapacity(string flagship, string young, int capacity, long taken) =>
        $"пара №{flagship} → №{young} превысила бы вместимость: директор школы №{flagship} принимает не более "
        + RussianPlural.Of(capacity, "молодого директора", "молодых директоров", "молодых директоров")
        + $" одновременно, мест уже занято или закреплено: {taken}";

    // The dialog.
    public static HtmlText ChooseDistrict => Html.Raw("Пары какого района загрузить?");

    public static HtmlText SendList(string district) => Html.Format(
        $"""
        Пришлите пары, закреплённые решением форума ({district}): списком в сообщении или файлом XLSX или CSV.
        Список — одна флагманская школа на строку, номера школ молодых директоров через запятую:
        1 → 9, 25
        2 → 26
        (вместо «→» можно писать «->»; в одну строку — через точку с запятой: 1 → 9, 25; 2 → 26.) В файле — столбцы «Флагманская школа» и «Школа молодого директора».
        Номера берутся из реестра школ района. Сначала вы увидите, что изменится; пары изменятся только после подтверждения. Отказаться — /cancel.
        """);

    public static HtmlText ListExpected => Html.Raw("Нужен список пар сообщением (например, «1 → 9, 25») или файл XLSX или CSV. Отказаться — /cancel.");

    public static HtmlText ConfirmOrSendAnother => Html.Raw(
        "Пары ещё не изменены. Примените изменения из предварительного просмотра, отмените загрузку или пришлите другой список.");

    public static HtmlText SendAgain => Html.Raw("Исправьте список и пришлите его снова или отмените загрузку: /cancel.");

    public static HtmlText NoRegistry(string district) => Html.Format(
        $"В реестре школ ({district}) нет ни одной действующей школы, а пары задаются номерами из реестра. Сначала загрузите реестр — /import_schools. Закреплённые пары не изменены.");

    public static HtmlText Rejected(string source, int linesRead, IReadOnlyList<RowProblem> problems) => Html.Format(
        $"{Source(source)} не принят: строк с ошибками — {problems.Select(p => p.Row).Distinct().Count()} из {linesRead}. Закреплённые пары не изменены.\n")
        + Html.Lines(problems.Take(ListedAtMost).Select(p => Html.Format($"Строка {p.Row}: {p.Reason}.")))
        + (problems.Count > ListedAtMost ? Html.Format($"\n…и ещё ошибок: {problems.Count - ListedAtMost}.") : HtmlText.Empty);

    public static HtmlText Preview(string source, string district, DesignatedPairPlan plan)
    {
        var lines = new List<HtmlText>
        {
            Html.Format($"{Source(source)}, {district}. Прочитано строк: {plan.LinesRead}, пар в нём: {plan.PairsRead}, ошибок нет."),
        };
        if (plan.Added.Count > 0)
        {
            lines.Add(Html.Format($"Будут закреплены ({plan.Added.Count}): {Pairs(plan.Added.Select(e => (e.Flagship, e.Young)))}."));
        }
        if (plan.Withdrawn.Count > 0)
        {
            lines.Add(Html.Format($"Будут сняты, так как их нет в списке или у школы теперь другая флагманская школа ({plan.Withdrawn.Count}): {Pairs(plan.Withdrawn.Select(p => (p.FlagshipNumber, p.YoungNumber)))}."));
        }
        if (plan.AnsweredEarlier.Count > 0)
        {
            lines.Add(Html.Format($"Уже предлагались и не состоялись, снова не предлагаются ({plan.AnsweredEarlier.Count}): {Pairs(plan.AnsweredEarlier.Select(e => (e.Flagship, e.Young)))}."));
        }
        lines.Add(Html.Format($"Без изменений: {plan.Unchanged}."));
        lines.Add(plan.HasChanges
            ? Html.Raw("Когда оба директора пары зарегистрированы в боте, им сразу придёт предложение подтвердить пару; иначе пара подождёт их регистрации. Применить?")
            : Html.Raw("Закреплённые пары уже совпадают со списком: менять нечего."));
        return Html.Lines(lines);
    }

    public static HtmlText Applied(string district, DesignatedPairPlan plan, int proposed) => Html.Format(
        $"Закреплённые пары обновлены ({district}). Закреплено: {plan.Added.Count}, снято: {plan.Withdrawn.Count}. Предложения подтвердить пару отправлены директорам пар: {proposed}. Остальные пары ждут регистрации директоров (флагманов — и подтверждения их анкет). Ход дел — /pairs.");

    public static HtmlText Cancelled => Html.Raw("Загрузка пар отменена. Закреплённые пары не изменены.");

    public static HtmlText ImportGone => Html.Raw("Эта загрузка уже завершена или отменена.");

    // Proposals.
    public static HtmlText ProposalToMentee(DesignatedPair pair, DirectorProfile mentor) => Html.Format(
        $"""
        <b>По решению форума ваша школа закреплена за флагманской школой №{pair.FlagshipNumber}</b> ({mentor.School}).
        Наставник — директор-флагман {MentorshipTexts.Contact(mentor)}.
        Подтвердите, пожалуйста: когда подтвердят обе стороны, начнётся партнёрство на год с планом адресных мер поддержки. Если откажетесь, координатор района узнает об этом, и наставника можно будет подобрать обычным порядком.
        """);

    public static HtmlText ProposalToMentor(DesignatedPair pair, DirectorProfile mentee) => Html.Format(
        $"""
        <b>По решению форума за вашей школой закреплена школа №{pair.YoungNumber}</b> ({mentee.School}): ваша школа поддерживает её директора.
        Молодой директор — {MentorshipTexts.Contact(mentee)}.
        Подтвердите, пожалуйста: когда подтвердят обе стороны, начнётся партнёрство на год с планом адресных мер поддержки. Если откажетесь, координатор района узнает об этом.
        """);

    public static HtmlText WaitingToMentee(DesignatedPair pair) => Html.Format(
        $"По решению форума ваша школа закреплена за флагманской школой №{pair.FlagshipNumber}. Директор этой школы ещё не зарегистрирован в боте (или анкета ещё не подтверждена); предложение подтвердить пару придёт сюда, как только это произойдёт.");

    public static HtmlText WaitingToMentor(string number, IReadOnlyList<DesignatedPair> pairs, bool approved) => Html.Format(
        $"По решению форума за вашей школой (№{number}) закреплены школы: {string.Join(", ", pairs.Select(p => "№" + p.YoungNumber))}. ")
        + (approved
            ? Html.Raw("Предложение подтвердить пару придёт сюда, как только директор закреплённой школы зарегистрируется в боте.")
            : Html.Raw("Предложения подтвердить пары придут сюда после подтверждения вашей анкеты координатором района."));

    public static HtmlText Withdrawn(DesignatedPair pair, PairSide side) => Html.Format(
        $"Пара по решению форума {PairName(pair)} снята: её нет в новом списке пар координатора района. Предложение подтвердить её больше не действует.")
        + (side == PairSide.Mentee ? Html.Raw(" Наставника можно подобрать — /find_mentor.") : HtmlText.Empty);

    public static HtmlText ReleasedHasMentor(DesignatedPair pair, DirectorProfile mentee) => Html.Format(
        $"Пара по решению форума {PairName(pair)} снята: у директора школы №{pair.YoungNumber} ({mentee.FullName}) уже есть наставник из другой школы.");

    public static HtmlText ReleasedNoPlace(DesignatedPair pair, DirectorProfile mentor) => Html.Format(
        $"Пара по решению форума {PairName(pair)} не предложена и снята: у директора школы №{pair.FlagshipNumber} ({mentor.FullName}) нет свободных мест — "
        + $"принимает не более {RussianPlural.Of(mentor.Capacity, "молодого директора", "молодых директоров", "молодых директоров")}. Пару можно назначить вручную после освобождения места — /assign.");

    public static HtmlText ProposalVoidByErasure => Html.Raw(
        "Предложение подтвердить пару по решению форума больше не действует: другая сторона удалила свои данные из бота. Пара подождёт нового директора этой школы.");

    public static HtmlText ReleasedNoPlaceToMentee(DesignatedPair pair) => Html.Format(
        $"По решению форума ваша школа была закреплена за флагманской школой №{pair.FlagshipNumber}, но у её директора нет свободных мест, и пара снята. Координатор района знает об этом. Наставника можно подобрать обычным порядком — /find_mentor.");

    // Answers.
    public static HtmlText NotYours => Html.Raw("Это предложение адресовано не вам.");

    public static HtmlText NoLongerWaiting => Html.Raw("Это предложение уже не ждёт ответа.");

    public static HtmlText AlreadyConfirmed => Html.Raw("Вы уже подтвердили эту пару.");

    public static HtmlText ConfirmedWaitingForMentor(DirectorProfile mentor) => Html.Format(
        $"Подтверждено. Партнёрство начнётся, когда пару подтвердит и директор-флагман ({mentor.FullName}); вы получите сообщение.");

    public static HtmlText ConfirmedWaitingForMentee(DirectorProfile mentee) => Html.Format(
        $"Подтверждено. Партнёрство начнётся, когда пару подтвердит и молодой директор ({mentee.FullName}); вы получите сообщение.");

    public static string RequestReason(DesignatedPair pair) => $"по решению форума: школа №{pair.FlagshipNumber} — наставник школы №{pair.YoungNumber}";

    public static HtmlText StartedToMentor(DirectorProfile mentee, DateOnly startsOn, DateOnly endsOn) => Html.Format(
        $"""
        Пара по решению форума подтверждена обеими сторонами, партнёрство началось. Молодой директор: {MentorshipTexts.Contact(mentee)}, {mentee.School}.
        Соглашение — с {MentorshipTexts.Date(startsOn)} по {MentorshipTexts.Date(endsOn)}. Напишите коллеге и договоритесь о первой встрече. Карточка партнёрства — /partnership.
        """);

    public static HtmlText StartedToMentee(DirectorProfile mentor, DateOnly startsOn, DateOnly endsOn) => Html.Format(
        $"""
        Пара по решению форума подтверждена обеими сторонами, партнёрство началось. Наставник: {MentorshipTexts.Contact(mentor)}, {mentor.School}.
        Соглашение — с {MentorshipTexts.Date(startsOn)} по {MentorshipTexts.Date(endsOn)}. Договоритесь о первой встрече. Карточка партнёрства — /partnership.
        """);

    public static HtmlText StartedToCoordinator(DesignatedPair pair, DirectorProfile mentor, DirectorProfile mentee) => Html.Format(
        $"Пара по решению форума {PairName(pair)} подтверждена обеими сторонами, партнёрство началось: {mentor.FullName} — наставник, {mentee.FullName} — молодой директор. Все пары — /pairs.");

    public static HtmlText CouldNotStart(DesignatedPair pair) => Html.Format(
        $"Пара {PairName(pair)} подтверждена обеими сторонами, но партнёрство начать нельзя: у флагмана не осталось свободных мест или у молодого директора уже есть наставник. Координатор района знает об этом.");

    public static HtmlText CouldNotStartToCoordinator(DesignatedPair pair) => Html.Format(
        $"Пара по решению форума {PairName(pair)} подтверждена обеими сторонами, но партнёрство не началось: у флагмана не осталось свободных мест или у молодого директора уже есть наставник. Пара снята; при необходимости назначьте пару вручную — /assign.");

    public static HtmlText DeclineRecordedByMentee => Html.Raw(
        "Отказ принят. Координатор района получит ваш ответ. Наставника можно подобрать обычным порядком — /find_mentor.");

    public static HtmlText DeclineRecordedByMentor => Html.Raw("Отказ принят. Координатор района и молодой директор получат ваш ответ.");

    public static HtmlText DeclinedByMentorToMentee(DesignatedPair pair, DirectorProfile mentor) => Html.Format(
        $"Пара по решению форума не состоится: предложение отклонено директором флагманской школы №{pair.FlagshipNumber} — {mentor.FullName}. Это не о вас — так бывает.");

    public static HtmlText DeclinedByMenteeToMentor(DesignatedPair pair, DirectorProfile mentee) => Html.Format(
        $"Пара по решению форума не состоится: предложение отклонено директором школы №{pair.YoungNumber} — {mentee.FullName}. Координатор района знает об этом.");

    public static HtmlText DeclinedToCoordinator(DesignatedPair pair, PairSide side, DirectorProfile decliner) => Html.Format(
        $"Пара по решению форума {PairName(pair)} не состоится: предложение отклонено директором {(side == PairSide.Mentor ? "флагманской школы" : "школы")} №{(side == PairSide.Mentor ? pair.FlagshipNumber : pair.YoungNumber)} — {decliner.FullName}. Пара снята; молодой директор может подобрать наставника обычным порядком, или назначьте пару вручную — /assign.");

    // Elsewhere.
    public static HtmlText PendingForMentee(DesignatedPair pair) => Html.Format(
        $"По решению форума ваша школа закреплена за флагманской школой №{pair.FlagshipNumber}, и эта пара ещё ждёт подтверждения, поэтому другие наставники сейчас не предлагаются. ")
        + Html.Raw(pair.Status == DesignatedPairStatus.Proposed
            ? "Ответьте на предложение подтвердить пару — оно выше в этом чате."
            : "Предложение подтвердить пару придёт сюда, как только директор флагманской школы зарегистрируется в боте.");

    public static HtmlText RequestBlockedByDesignated => Html.Raw(
        "Запрос не отправлен: по решению форума школа молодого директора закреплена за другой флагманской школой, и эта пара ещё ждёт подтверждения.");

    public static string UnmatchedDesignated(DesignatedPair pair) =>
        $"закреплена решением форума за школой №{pair.FlagshipNumber}; " + (pair.Status == DesignatedPairStatus.Proposed ? "ждёт подтверждения пары" : "ждёт регистрации директора флагманской школы");

    public static HtmlText DesignatedHeader(int count) => Html.Format($"<b>Пары по решению форума, ещё не начатые: {count}</b>");

    public static HtmlText DesignatedLine(DesignatedPair pair, string? mentor, string? mentee) => Html.Format(
        $"• №{pair.FlagshipNumber} ({mentor ?? "директор не зарегистрирован"}) → №{pair.YoungNumber} ({mentee ?? "директор не зарегистрирован"}): {StatusLabel(pair)}");

    public static string StatusLabel(DesignatedPair pair) => pair.Status switch
    {
        DesignatedPairStatus.Waiting => "ждёт регистрации директоров",
        DesignatedPairStatus.Proposed => (pair.MentorConfirmed, pair.MenteeConfirmed) switch
        {
            (true, false) => "ждёт подтверждения молодого директора",
            (false, true) => "ждёт подтверждения флагмана",
            _ => "ждёт подтверждения обеих сторон",
        },
        DesignatedPairStatus.Started => "партнёрство началось",
        DesignatedPairStatus.Declined => "отклонена",
        DesignatedPairStatus.Released => "снята: нет мест или уже есть наставник",
        _ => "снята новым списком",
    };

    public static string DesignatedMark => " — по решению форума";

    private static string PairName(DesignatedPair pair) => $"№{pair.FlagshipNumber} → №{pair.YoungNumber}";

    private static string Source(string source) => source.Length == 0 ? "Список" : $"Файл {RussianQuotes.Quote(source)}";

    private static string Pairs(IEnumerable<(string Flagship, string Young)> pairs)
    {
        var list = pairs.ToList();
        var shown = string.Join(", ", list.Take(ListedAtMost).Select(p => $"№{p.Flagship} → №{p.Young}"));
        return list.Count > ListedAtMost ? $"{shown} …и ещё {list.Count - ListedAtMost}" : shown;
    }
}
