namespace MentorBot.Bot.Localization;

public static class ReminderTexts
{
    public const string PauseButton = "⏸ Поставить на паузу";
    public const string ResumeButton = "▶ Включить снова";
    private const int DigestListLimit = 10;

    /// <summary>A reminder that went out well after its time, because the bot was down, says so first.</summary>
    public static HtmlText Late(HtmlText text) => Html.Format($"<i>Напоминаем с опозданием: бот какое-то время не работал.</i>\n\n{text}");

    public static HtmlText Status(bool paused) => paused
        ? Html.Raw("Напоминания <b>на паузе</b>: вы получаете только обязательные — например, о запросе, срок ответа на который истёк.")
        : Html.Raw("Напоминания <b>включены</b>: о встречах, ежемесячной отметке прогресса, мероприятиях и запросах без ответа. Присылаем их с 09:00 до 21:00 по времени вашего района.");

    public static HtmlText Paused => Html.Raw("Готово: напоминания на паузе. Включить снова — /reminders.");

    public static HtmlText Resumed => Html.Raw("Готово: напоминания снова включены.");

    public static HtmlText DigestHeader(IEnumerable<string> districtNames) =>
        Html.Format($"<b>Сводка за неделю</b> — {string.Join(", ", districtNames)}");

    /// <summary>A digest section: its title and count, then the first few items, each on a line of its own.</summary>
    public static HtmlText DigestSection(string title, IReadOnlyList<HtmlText> items, string? command = null)
    {
        var heading = command is null ? Html.Format($"<b>{title}: {items.Count}</b>") : Html.Format($"<b>{title}: {items.Count}</b> — {command}");
        var lines = new List<HtmlText> { heading };
        lines.AddRange(items.Take(DigestListLimit).Select(item => Html.Format($"• {item}")));
        if (items.Count > DigestListLimit)
        {
            lines.Add(Html.Format($"…и ещё {items.Count - DigestListLimit}"));
        }
        return Html.Lines(lines);
    }

    public const string NewRegistrationsTitle = "Новые анкеты за неделю";
    public const string PendingApprovalsTitle = "Флагманы ждут подтверждения";
    public const string UnmatchedTitle = "Молодые директора без наставника";

    public static HtmlText Person(string name, string school, string district) => Html.Format($"{name}, {school} ({district})");

    public static HtmlText NewRegistration(string name, bool flagship, string school, string district) =>
        Html.Format($"{name} — {(flagship ? "директор-флагман" : "молодой директор")}, {school} ({district})");

    public static HtmlText WaitingSince(HtmlText person, int days) => Html.Format($"{person}, ждёт {RussianPlural.Days(days)}");
}
