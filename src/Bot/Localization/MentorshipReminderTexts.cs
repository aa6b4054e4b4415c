namespace MentorBot.Bot.Localization;

public static class MentorshipReminderTexts
{
    public static HtmlText RequestWaiting(string menteeName, string deadline) => Html.Format(
        $"Запрос от {menteeName} ждёт вашего ответа. Если не ответить до {deadline}, он уйдёт следующему наставнику.");

    public static HtmlText MeetingSoon(string partnerName, string when, string format, bool withinHour) => Html.Format(
        $"{(withinHour ? "Через час" : "Завтра")} встреча с {partnerName}: {when}, {format}.");

    public static HtmlText CheckinPrompt => Html.Raw(
        "Пора провести ежемесячную оценку: насколько закрыты ваши дефициты? Это займёт минуту.");

    public static HtmlText CheckinFollowUp => Html.Raw(
        "Напоминаем про ежемесячную оценку — без неё наставнику сложнее понять, что работает.");

    public static HtmlText Stale(string partnerName) => Html.Format(
        $"В партнёрстве с {partnerName} давно не было встреч, изменений плана и оценок. Может, договориться о встрече? Карточка — /partnership.");
}
