namespace MentorBot.Bot.Localization;

public static class CoordinationTexts
{
    public const string ApproveButton = "✅ Подтвердить";
    public const string RejectButton = "Отклонить";
    public const string InviteCoordinatorButton = "Координатора";
    public const string InviteFlagshipButton = "Директора-флагмана";

    public static readonly IReadOnlyList<string> RejectionReasons =
    [
        "Не хватает данных в анкете",
        "Школа не входит в число флагманов по итогам мониторинга",
        "Повторная заявка",
    ];

    public static HtmlText NoPendingApprovals => Html.Raw("Заявок флагманов на подтверждение нет.");

    public static HtmlText PendingHeader(int count) => Html.Format($"Заявки флагманов на подтверждение: {count}.");

    public static HtmlText Approved(string name) => Html.Format($"✅ Анкета флагмана подтверждена: {name}.");

    public static HtmlText Rejected(string name, string reason) => Html.Format($"✖ Анкета флагмана отклонена: {name}.\nПричина: {reason}");

    public static HtmlText AlreadyReviewed => Html.Raw("Эту заявку уже рассмотрели.");

    public static HtmlText YouWereApproved => Html.Raw(
        "Ваша анкета подтверждена координатором района: теперь вы — директор-флагман. Запросы молодых директоров придут сюда. Команды — /help.");

    public static HtmlText YouWereRejected(string reason) => Html.Format(
        $"Ваша анкета директора-флагмана не подтверждена координатором района. Причина: {reason}\nВопросы можно задать координатору района; анкета — /profile.");

    public static HtmlText AskRejectionReason(string name) => Html.Format($"Заявка: {name}. Почему вы её отклоняете? Причину увидит автор заявки. Выберите причину или напишите свою (до 300 символов).");

    public static HtmlText ChooseInviteRole => Html.Raw("Кого пригласить по одноразовой ссылке?");

    public static HtmlText ChooseInviteDistrict => Html.Raw("Для какого района?");

    public static HtmlText InviteCreated(string link, string role, string district, string expires) => Html.Format(
        $"Одноразовая ссылка-приглашение ({role}, {district}), действует до {expires}:\n{link}\n\nПо ней может зарегистрироваться один человек.");

    public const string RerunButton = "↻ Пересчитать";
    public const string ClearChoicesButton = "Сбросить правки";
    public const string ReleaseButton = "✓ Разослать запросы флагманам";

    public static HtmlText MatchRunHeader(string districts, int pairs, int unmatched) => Html.Format(
        $"<b>Подбор пар</b> — {districts}\nПар: {pairs}, без наставника: {unmatched}. ✕ — убрать пару, 📌 — закрепить.");

    public static HtmlText MatchRunPair(int number, string mentee, string menteeSchool, string mentor, string mentorSchool, string percent, string reason, bool pinned) =>
        Html.Format($"{(pinned ? "📌 " : "")}{number}. {mentee} ({menteeSchool}) → {mentor} ({mentorSchool}) — {percent}\n   {reason}");

    public static HtmlText MatchRunUnmatchedHeader => Html.Raw("<b>Без наставника</b>");

    public static HtmlText MatchRunUnmatched(string mentee, string school, string reason) => Html.Format($"• {mentee} ({school}): {reason}");

    public static HtmlText MatchRunNotProvenOptimal => Html.Raw(
        "⚠ Список кандидатов был усечён, и доказать, что подбор наилучший, не удалось. Если нужно, уберите или закрепите пары и пересчитайте.");

    public static HtmlText MatchRunNothing => Html.Raw("В ваших районах нет молодых директоров без наставника и без ожидающего запроса.");

    public static HtmlText MatchRunReleased(int sent, int skipped) => Html.Format(
        $"Запросы разосланы флагманам: {sent}. Пропущено (у молодого директора уже есть наставник или запрос, у флагмана нет мест): {skipped}.");

    public static HtmlText MatchRunClosed => Html.Raw("Этот подбор уже разослан или устарел. Новый — /match_district.");

    public const string UnmatchedWantsCoordinator = "просит координатора подобрать наставника";

    public static string UnmatchedWaiting(string mentor) => $"ждёт ответа на запрос (флагман: {mentor})";

    public static string UnmatchedNotAskedYet(string best) => $"запрос ещё не отправлен; лучший вариант — {best}";

    public static HtmlText NoPairs => Html.Raw("Активных пар в ваших районах нет.");

    public static HtmlText PairsHeader(int count) => Html.Format($"<b>Активные пары: {count}</b>");

    public static HtmlText PairLine(
        string mentor, string mentorSchool, string mentee, string menteeSchool, string starts, string ends, int done, int total, string lastActivity, bool designated = false) =>
        Html.Format($"• {mentor} ({mentorSchool}) — {mentee} ({menteeSchool}): {starts}–{ends}, план {done}/{total}, активность {lastActivity}{(designated ? DesignatedPairTexts.DesignatedMark : "")}");

    public static HtmlText NoUnmatched => Html.Raw("Все молодые директора ваших районов с наставниками.");

    public static HtmlText UnmatchedHeader(int count) => Html.Format($"<b>Молодые директора без наставника: {count}</b>");

    public static HtmlText UnmatchedLine(string name, string school, string reason) => Html.Format($"• {name} ({school}): {reason}");

    public static HtmlText AwaitingDecisionHeader => Html.Raw("<b>Ожидают решения</b>");

    public static HtmlText PendingApprovalsLine(int count) => Html.Format($"Флагманы ждут подтверждения: {count} — /approvals");

    public static HtmlText WaitingRequestsLine(int count, TimeSpan waitedLongerThan) =>
        Html.Format($"Запросы без ответа дольше {LongerThan(waitedLongerThan)}: {count}");

    /// <summary>"48 часов", "21 часа", "90 минут": the genitive that «дольше» takes.</summary>
    public static string LongerThan(TimeSpan span)
    {
        static string Genitive(long n, string one, string many) => n % 10 == 1 && n % 100 != 11 ? $"{n} {one}" : $"{n} {many}";
        return span.Ticks % TimeSpan.TicksPerHour == 0
            ? Genitive((long)span.TotalHours, "часа", "часов")
            : Genitive((long)Math.Ceiling(span.TotalMinutes), "минуты", "минут");
    }

    public static HtmlText WaitingRequest(string mentee, string mentor, string since) => Html.Format($"• {mentee} → {mentor}, с {since}");

    public static HtmlText StatsHeader => Html.Raw("<b>Статистика</b>");

    public static HtmlText StatsDistrict(string district, int young, int flagships, int pendingFlagships, int pairs, int designatedActive = 0, int designatedPending = 0) =>
        Html.Format($"• {district}: молодые директора — {young}, флагманы — {flagships} (ждут подтверждения — {pendingFlagships}), активные пары — {pairs}")
        + (designatedActive > 0 ? Html.Format($" (по решению форума — {designatedActive})") : HtmlText.Empty)
        + (designatedPending > 0 ? Html.Format($"; ещё не начатые пары по решению форума — {designatedPending}") : HtmlText.Empty);

    public static HtmlText CoverageHeader => Html.Raw("<b>Покрытие дефицитов</b> (нуждаются / флагманов со свободными местами)");

    public static HtmlText CoverageLine(string label, int need, int offer, bool gap) => Html.Format($"{(gap ? "❗" : "•")} {label}: {need} / {offer}");

    public static HtmlText Gaps(IEnumerable<string> labels) => Html.Format(
        $"<b>Не закрыты</b> — здесь нужны наставники: {string.Join("; ", labels)}");

    public static HtmlText NoGaps => Html.Raw("Все заявленные дефициты кто-то из флагманов со свободными местами может закрыть.");

    public static HtmlText ExportCaption => Html.Raw("Пары и покрытие дефицитов для управления образования (Excel). Нужен CSV — кнопка ниже.");
}
