namespace MentorBot.Bot.Localization;

public static class MentorshipReminderTexts
{
    public static HtmlText RequestWaiting(string menteeName, string deadline) => Html.Format(
        $"Запрос на наставничество ждёт вашего ответа. Молодой директор: {menteeName}. Если не ответить до {deadline}, запрос перейдёт к следующему наставнику.");

    /// <summary>
    /// Says how far off the meeting is when the reminder goes out, which may be later than planned (quiet hours, a
    /// meeting fixed at short notice); <paramref name="localDaysAhead"/> counts calendar days in the recipient's zone.
    /// </summary>
    public static HtmlText MeetingSoon(string partnerName, string when, string format, TimeSpan startsIn, int localDaysAhead) => Html.Format(
        $"{MeetingLead(startsIn, localDaysAhead)} встреча: {when}, {format}. Партнёр: {partnerName}.");

    public static string MeetingLead(TimeSpan startsIn, int localDaysAhead) =>
        startsIn < TimeSpan.FromMinutes(50) ? $"Через {Math.Max(1, (int)Math.Round(startsIn.TotalMinutes))} мин"
        : startsIn < TimeSpan.FromMinutes(90) ? "Через час"
        : localDaysAhead <= 0 ? "Сегодня"
        : localDaysAhead == 1 ? "Завтра"
        : "Скоро";

    public static HtmlText CheckinPrompt => Html.Raw(
        "Пора провести ежемесячную оценку: насколько закрыты ваши дефициты? Это займёт минуту.");

    public static HtmlText CheckinFollowUp => Html.Raw(
        "Напоминаем про ежемесячную оценку — без неё наставнику сложнее понять, что работает.");

    public static HtmlText Stale(string partnerName) => Html.Format(
        $"{(partnerName.Length == 0 ? "" : $"Партнёр: {partnerName}. ")}В вашем партнёрстве давно не было встреч, изменений плана и оценок. Может, договориться о встрече? Карточка — /partnership.");
}
