using System.Globalization;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Localization;

/// <summary>The readable /my_data: section titles and the Russian words for stored statuses and answers.</summary>
public static class PersonalDataTexts
{
    public static HtmlText Header(string zoneLabel) => Html.Format(
        $"<b>Ваши данные в MentorBot</b>\nВремя указано по часовому поясу {zoneLabel}. Те же данные в машиночитаемом виде — в файле ниже.");

    public const string AccountTitle = "Учётная запись";
    public const string ProfileTitle = "Анкета";
    public const string CoordinatorTitle = "Координатор";
    public const string DialogTitle = "Незавершённый диалог";
    public const string RequestsTitle = "Запросы на наставничество";
    public const string DesignatedPairsTitle = "Пары по решению форума";
    public const string PartnershipsTitle = "Партнёрства";
    public const string FeedbackTitle = "Ваши отзывы о партнёрствах";
    public const string NetworkingTitle = "Сеть коллег";
    public const string PracticesTitle = "Ваши практики";
    public const string InternshipsTitle = "Стажировки";
    public const string PeerMeetingsTitle = "Встречи «Случайный кофе»";
    public const string AnnouncementsTitle = "Полученные объявления";
    public const string AnswersTitle = "Ваши ответы на приглашения";
    public const string RemindersTitle = "Напоминания";

    // Account and profile.
    public static HtmlText TelegramId(long userId) => Line("Идентификатор в Telegram", userId.ToString(CultureInfo.InvariantCulture));
    public static HtmlText ConsentGiven(string at) => Line("Согласие на обработку данных дано", at);
    public static HtmlText Username(string? username) => Line("Имя пользователя в Telegram", username is null ? null : "@" + username);
    public static HtmlText InviteUsed(string role, string? district) => Line("Использовано", InviteRole(role) + (district is null ? "" : $", {district}"));
    public static HtmlText ProfileState(ProfileStatus status) => Line("Состояние анкеты", ProfileStatusLabel(status));
    public static HtmlText TakesRequests(bool available) => Line("Принимаете запросы на наставничество", YesNo(available));
    public static HtmlText ProfileCreated(string at) => Line("Анкета заполнена", at);
    public static HtmlText ProfileUpdated(string at) => Line("Последнее изменение", at);
    public static HtmlText CoordinatorName(string name) => Line("Имя", name);
    public static HtmlText CoordinatorRegion(string region) => Line("Регион", region);
    public static HtmlText CoordinatorDistricts(IEnumerable<string> names) => Line("Районы", string.Join(", ", names));
    public static HtmlText UnfinishedDialog => Html.Raw(
        "Введённые, но ещё не сохранённые ответы хранятся до завершения или отмены диалога (/cancel); их текст — в файле.");

    // Mentorship.
    public static HtmlText Request(string at, bool asMentee, RequestStatus status, string? declineReason) => Item(
        $"{at}, {Side(asMentee)}: {RequestStatusLabel(status)}" + (declineReason is { Length: > 0 } ? $"; причина отказа: {declineReason}" : ""));

    public static HtmlText Partnership(long id, bool asMentee, PartnershipStatus status, DateOnly startsOn, DateOnly endsOn) => Html.Format(
        $"Партнёрство № {id}, {Side(asMentee)}: {ReportTexts.StatusLabel(status)}, с {MentorshipTexts.Date(startsOn)} по {MentorshipTexts.Date(endsOn)}");

    public static HtmlText Goals(string labels) => Line("Цели", labels);
    public static HtmlText EndReason(string reason) => Line("Причина завершения", reason);

    public static HtmlText PlanItem(string title, PlanItemStatus status, DateOnly dueOn, PlanItemOwner owner) => Item(
        $"План: {title} — {PartnershipTexts.StatusLabel(status)}, срок {MentorshipTexts.Date(dueOn)}, отвечает: {PartnershipTexts.OwnerLabel(owner)}");

    public static HtmlText Meeting(string at, MeetingFormat format, string note) =>
        Item($"Встреча {at}, {PartnershipTexts.FormatLabel(format)}" + (note.Length > 0 ? $": {note}" : ""));

    /// <summary>A monthly check-in: each deficit's label with its rating from 1 to 5.</summary>
    public static HtmlText Checkin(string at, IEnumerable<(string Deficit, int Rating)> ratings, string comment, string? mentorNote) => Item(
        $"Оценка {at}: {string.Join("; ", ratings.Select(r => $"{r.Deficit} — {r.Rating} из 5"))}"
        + (comment.Length > 0 ? $". Комментарий: {comment}" : "")
        + (mentorNote is { Length: > 0 } ? $". Заметка наставника: {mentorNote}" : ""));

    public static HtmlText Feedback(long partnershipId, string text) => Item($"Партнёрство № {partnershipId}: {text}");

    // Networking.
    public static HtmlText AllowContact(bool allow) => Line("Ваш контакт выдаётся по кнопке «Написать» без запроса", YesNo(allow));
    public static HtmlText Listed(bool listed) => Line("Показывать вас в поиске коллег", YesNo(listed));
    public static HtmlText LatestSearch(string what) => Line("Последний поиск", what);
    public static HtmlText Introduction(string at, bool asked, IntroductionStatus status) => Item($"{at}: {IntroductionLabel(asked, status)}");

    public static HtmlText Practice(string title, string at, PracticeStatus status, string? rejectionReason) => Item(
        $"{RussianQuotes.Quote(title)} ({at}): {PracticeStatusLabel(status)}" + (rejectionReason is { Length: > 0 } ? $"; причина: {rejectionReason}" : ""));

    public static HtmlText InternshipRequest(long programmeId, string? theme, string at, ParticipationStatus status) => Item(
        $"{(theme is null ? $"Программа № {programmeId}" : $"{RussianQuotes.Quote(theme)}")}, заявка от {at}: {ParticipationLabel(status)}");

    public static HtmlText HostedSite(string theme, DateOnly startsOn, DateOnly endsOn) => Item(
        $"Площадка вашей школы: {RussianQuotes.Quote(theme)}, {MentorshipTexts.Date(startsOn)} — {MentorshipTexts.Date(endsOn)}");

    public static HtmlText PeerTakingPart(bool takingPart, bool paused) => Line("Участие", !takingPart ? "нет" : paused ? "на паузе" : "да");
    public static HtmlText PeerCrossDistrict(bool crossDistrict) => Line("Собеседники и из других районов", YesNo(crossDistrict));
    public static HtmlText PeerRound(string month, bool? met) => Item($"{Month(month)}: {MetLabel(met)}");

    // Announcements and reminders.
    public static HtmlText AnnouncementReceived(string title, string startsAt) => Item($"{RussianQuotes.Quote(title)}, {startsAt}");
    public static HtmlText EventAnswer(string title, string startsAt, RsvpAnswer answer, string answeredAt) => Item(
        $"{RussianQuotes.Quote(title)}, {startsAt}: «{AnnouncementTexts.AnswerLabel(answer)}» (ответ от {answeredAt})");

    public static HtmlText RemindersPaused(bool paused) => Line("Напоминания приостановлены", YesNo(paused));
    public static HtmlText PlannedReminder(string kind, string dueAt) => Item($"{dueAt}: {ReminderLabel(kind)}");

    private static HtmlText Line(string label, string? value) =>
        Html.Format($"{label}: {(string.IsNullOrWhiteSpace(value) ? "—" : value)}");

    private static HtmlText Item(string text) => Html.Format($"• {text}");

    private static string YesNo(bool value) => value ? "да" : "нет";

    private static string Side(bool asMentee) => asMentee ? "вы — молодой директор" : "вы — наставник";

    private static string InviteRole(string role) =>
        role == Features.Onboarding.InviteRoles.Coordinator ? "приглашение координатора" : "приглашение директора-флагмана";

    private static string ProfileStatusLabel(ProfileStatus status) => status switch
    {
        ProfileStatus.Pending => "ждёт подтверждения координатора",
        ProfileStatus.Approved => "подтверждена координатором",
        ProfileStatus.Rejected => "отклонена координатором",
        _ => "действует",
    };

    private static string RequestStatusLabel(RequestStatus status) => status switch
    {
        RequestStatus.Pending => "ждёт ответа",
        RequestStatus.Accepted => "принят",
        RequestStatus.Declined => "отклонён",
        RequestStatus.Expired => "истёк срок ответа",
        RequestStatus.Withdrawn => "отозван",
        RequestStatus.Released => "возвращён: наставник перестал принимать запросы",
        _ => "отменён из-за удаления данных",
    };

    private static string IntroductionLabel(bool asked, IntroductionStatus status) =>
        (asked ? "вы попросили о знакомстве" : "вас попросили о знакомстве") + ", " + status switch
        {
            IntroductionStatus.Accepted => "знакомство состоялось",
            IntroductionStatus.Declined => "отказ",
            _ => "ждёт ответа",
        };

    private static string PracticeStatusLabel(PracticeStatus status) => status switch
    {
        PracticeStatus.Approved => "опубликована в банке опыта",
        PracticeStatus.Rejected => "отклонена",
        _ => "на рассмотрении у координатора",
    };

    private static string ParticipationLabel(ParticipationStatus status) => status switch
    {
        ParticipationStatus.Confirmed => "участие подтверждено",
        ParticipationStatus.Declined => "заявка отклонена",
        _ => "заявка ждёт решения координатора",
    };

    private static string MetLabel(bool? met) => met switch
    {
        true => "встреча состоялась",
        false => "встреча не состоялась",
        null => "нет ответа",
    };

    /// <summary>A round's month, stored as yyyy-MM, in the form people write it.</summary>
    private static string Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MM.yyyy", CultureInfo.InvariantCulture)
            : month;

    private static string ReminderLabel(string kind) => kind switch
    {
        "coordinator.digest" => "еженедельная сводка координатора",
        "coordinator.monthly-report" => "ежемесячный отчёт по району",
        "request.nudge" => "напоминание об ответе на запрос",
        "request.expiry" => "окончание срока ответа на запрос",
        "meeting.soon" => "напоминание о встрече",
        "checkin.prompt" => "ежемесячная оценка",
        "checkin.followup" => "повторное напоминание о ежемесячной оценке",
        "partnership.stale" => "напоминание о затишье в партнёрстве",
        "partnership.prolong" => "вопрос о продлении партнёрства",
        "partnership.end" => "окончание срока партнёрства",
        "peer.round" => "новый раунд «Случайного кофе»",
        "peer.followup" => "вопрос о встрече «Случайного кофе»",
        "event.tomorrow" => "напоминание о мероприятии",
        _ => "напоминание",
    };
}
