using System.Globalization;
using MentorBot.Bot.Features.Announcements;

namespace MentorBot.Bot.Localization;

public static class AnnouncementTexts
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static string Q(string text) => RussianQuotes.Quote(text);

    public const string RsvpYesButton = "Буду";
    public const string RsvpNoButton = "Не смогу";
    public const string ChosenMark = "✅ ";
    public const string SendNowButton = "📤 Отправить сейчас";
    public const string ScheduleButton = "🕓 Запланировать";
    public const string AllDistrictsButton = "Все мои районы";
    public const string AnyDeficitButton = "Всем, без фильтра";
    public const string ExportButton = "📄 Список файлом";
    public const string CancelBroadcastButton = "Отменить рассылку";

    public static string KindLabel(AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.Forum => "Форум",
        AnnouncementKind.Internship => "Стажировка",
        AnnouncementKind.Seminar => "Семинар",
        AnnouncementKind.Webinar => "Вебинар",
        AnnouncementKind.MasterClass => "Мастер-класс",
        _ => "Событие",
    };

    public static string RoleLabel(AudienceRole role) => role switch
    {
        AudienceRole.Young => "Молодым директорам",
        AudienceRole.Flagships => "Директорам-флагманам",
        _ => "Всем директорам",
    };

    public static string GroupButton(string label) => "👥 " + label;

    /// <summary>Russians read time zones against Moscow: МСК, МСК+4, МСК−1.</summary>
    public static string ZoneLabel(TimeZoneInfo zone, DateTimeOffset at)
    {
        var difference = zone.GetUtcOffset(at) - TimeSpan.FromHours(3);
        if (difference == TimeSpan.Zero)
        {
            return "МСК";
        }
        var sign = difference > TimeSpan.Zero ? "+" : "−";
        var magnitude = difference.Duration();
        return "МСК" + sign + (magnitude.Minutes == 0 ? magnitude.Hours.ToString(CultureInfo.InvariantCulture) : magnitude.ToString(@"h\:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>"15.12.2026 (вт), 10:00 МСК" in the announcement's zone.</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("dd.MM.yyyy (ddd), HH:mm", Russian)} {ZoneLabel(zone, instant)}";
    }

    /// <summary>The announcement exactly as its recipients read it; the preview shows the same.</summary>
    public static HtmlText Body(AnnouncementKind kind, string title, DateTimeOffset startsAt, TimeZoneInfo zone, string place, string description) =>
        Html.Format($"📣 <b>{KindLabel(kind)}: {Q(title)}</b>\n🗓 {When(startsAt, zone)}\n📍 {place}\n\n{description}\n\nПридёте? Ответ можно изменить.");

    public static HtmlText AskKind => Html.Raw("Новое объявление. Что за событие?");

    public static HtmlText AskTitle => Html.Raw("Название события, до 150 символов. Например: «Форум директоров-флагманов».");

    public static HtmlText AskWhen(string district, string zone) => Html.Format(
        $"Дата и время начала: ДД.ММ.ГГГГ ЧЧ:ММ, например 15.12.2026 10:00. Время — как в районе {Q(district)} ({zone}).");

    public static HtmlText BadWhen => Html.Raw("Не получилось прочитать дату и время. Пример: 15.12.2026 10:00.");

    public static HtmlText WhenInPast => Html.Raw("Это время уже прошло. Укажите будущие дату и время.");

    public static HtmlText AskPlace => Html.Raw("Где пройдёт: адрес или ссылка на трансляцию, до 300 символов.");

    public static HtmlText AskDescription => Html.Raw("Описание: программа, для кого, как записаться — до 2000 символов.");

    public static HtmlText AskAudience => Html.Raw("Кому отправить?");

    public static HtmlText AskDistricts(int chosen) => Html.Format($"В каких районах? Отметьте один или несколько и нажмите «Готово». Выбрано: {chosen}.");

    public static HtmlText NoDistrictChosen => Html.Raw("Отметьте хотя бы один район.");

    public static HtmlText AskDeficits(int chosen) => Html.Format(
        $"Только тем, кто отметил определённые темы? У молодых директоров это дефициты, у флагманов — то, что они хотят изучить. Выбрано: {chosen}. Без выбора объявление получат все.");

    public static HtmlText Preview(HtmlText body, string audience, int recipients) => Html.Format(
        $"<b>Предпросмотр.</b> Так объявление увидят получатели:\n\n{body}\n\n———\nКому: {audience}.\nПолучателей: {recipients:N0}.");

    public static string AudienceSummary(string who, IEnumerable<string> districts, IReadOnlyCollection<string> deficits) =>
        $"{who.ToLower(Russian)}; {string.Join(", ", districts)}" + (deficits.Count > 0 ? $"; с темами: {string.Join(", ", deficits)}" : "");

    public static string GroupSummary(string label) => $"участникам: {label}";

    public static HtmlText PreviewButtonsAreInert => Html.Raw("Это кнопки получателей: в предпросмотре они не работают.");

    public static HtmlText NobodyToSend => Html.Raw("По этим условиям получателей нет. Вернитесь назад и измените аудиторию.");

    public static HtmlText AskSendAt(string zone) => Html.Format(
        $"Когда отправить? ДД.ММ.ГГГГ ЧЧ:ММ ({zone}), с 09:00 до 21:00 и раньше начала события.");

    public static HtmlText SendAtInQuietHours => Html.Raw("В это время люди отдыхают: выберите время с 09:00 до 21:00.");

    public static HtmlText SendAtAfterStart => Html.Raw("Рассылка должна уйти раньше, чем начнётся событие.");

    public static HtmlText Scheduled(string title, string when) => Html.Format(
        $"🕓 Рассылка {Q(title)} запланирована на {when}. Отменить или посмотреть ответы — /announcements.");

    public static HtmlText NoDistricts => Html.Raw("За вами не закреплено ни одного района — объявлять некому.");

    public static HtmlText Progress(string title, int done, int total) => Html.Format($"📤 Рассылка {Q(title)}: отправлено {done:N0} из {total:N0}.");

    public static HtmlText ProgressFinished(string title, int total) => Html.Format($"📤 Рассылка {Q(title)}: отправлено {total:N0} из {total:N0}. Готово.");

    public static HtmlText Report(string title, int delivered, int blocked, int failed) => Html.Format(
        $"✅ Рассылка {Q(title)} завершена.\nДоставлено: {delivered:N0}\nЗаблокировали бота: {blocked:N0}\nНе доставлено из-за ошибки: {failed:N0}\nВсего получателей: {delivered + blocked + failed:N0}\nОтветы — /announcements.");

    public static string RsvpLabel(string label, bool chosen) => chosen ? ChosenMark + label : label;

    public static string RecordedYes => "Записали: вы придёте. Напомним накануне.";

    public static string RecordedNo => "Записали: не сможете.";

    public static string AlreadyRecorded => "Этот ответ уже записан.";

    public static string NotYours => "Это объявление вам не адресовано.";

    public static string EventOver => "Событие уже прошло или отменено.";

    public static HtmlText Tomorrow(AnnouncementKind kind, string title, string when, string place) => Html.Format(
        $"⏰ Напоминаем: {KindLabel(kind).ToLower(Russian)} {Q(title)} — {when}.\n📍 {place}\nЕсли планы изменились, нажмите «{RsvpNoButton}».");

    public static HtmlText NoAnnouncements => Html.Raw("В ваших районах объявлений пока нет. Новое — /announce.");

    public static HtmlText ListHeader(int count) => Html.Format($"<b>Объявления: {count}</b> (последние). Нажмите номер, чтобы увидеть ответы.");

    public static HtmlText ListLine(int number, AnnouncementKind kind, string title, string when, string state, int yes, int no) =>
        Html.Format($"{number}. {KindLabel(kind)} {Q(title)}, {when}\n   рассылка: {state} · буду: {yes}, не смогу: {no}");

    public static string StateLabel(Announcement announcement, string sendAt) => announcement switch
    {
        { Status: AnnouncementStatus.Scheduled } => $"запланирована на {sendAt}",
        { Status: AnnouncementStatus.Cancelled } => "отменена",
        { Final: { } final } => $"доставлено {final.Delivered.ToString("N0", Russian)} из {final.Total.ToString("N0", Russian)}",
        _ => $"идёт, отправлено {announcement.ProgressDone.ToString("N0", Russian)} из {announcement.Recipients.ToString("N0", Russian)}",
    };

    public static HtmlText Details(AnnouncementKind kind, string title, string when, string place, string state, int yes, int no) => Html.Format(
        $"<b>{KindLabel(kind)} {Q(title)}</b>\n🗓 {when}\n📍 {place}\nРассылка: {state}.\nБуду: {yes} · Не смогу: {no}");

    public static HtmlText AnswerListHeader(string label, int count) => Html.Format($"\n<b>{label} ({count})</b>");

    public static HtmlText AnswerLine(int number, string name, string school, string district) => Html.Format($"{number}. {name} — {school}, {district}");

    public static HtmlText MoreInFile(int more) => Html.Format($"…и ещё {more} — полный список в файле.");

    public static HtmlText ExportCaption(string title, int yes, int no) => Html.Format($"Ответы на {Q(title)}: буду — {yes}, не смогу — {no}.");

    public static HtmlText BroadcastCancelled(string title) => Html.Format($"Рассылка {Q(title)} отменена. Никто её не получил.");

    public static HtmlText ConfirmCancel(string title, string sendAt) => Html.Format(
        $"Отменить рассылку {Q(title)}, запланированную на {sendAt}? Никто её не получит.");

    public const string ConfirmCancelButton = "Да, отменить рассылку";
    public const string KeepBroadcastButton = "Нет, оставить";

    public static HtmlText BroadcastKept(string title) => Html.Format($"Рассылка {Q(title)} остаётся запланированной.");

    public static HtmlText CannotCancel => Html.Raw("Эту рассылку уже не отменить: она началась или отменена.");

    public static string AnswerLabel(RsvpAnswer answer) => answer == RsvpAnswer.Yes ? RsvpYesButton : RsvpNoButton;

    public static string RoleName(string role) => role == "Flagship" ? "директор-флагман" : "молодой директор";
}
