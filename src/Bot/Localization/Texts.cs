namespace MentorBot.Bot.Localization;

/// <summary>The Russian texts shared by every feature. A feature's own texts live beside these, in its own class.</summary>
public static class Texts
{
    public const string BackButton = "‹ Назад";
    public const string CancelButton = "✕ Отмена";
    public const string StaleButton = "Эта кнопка уже неактуальна.";
    public const string TypeReasonButton = "Напишу причину";

    public static HtmlText DialogCancelled => Html.Raw("Отменено. Ничего не сохранено. Команды — /help.");
    public static HtmlText NothingToCancel => Html.Raw("Отменять нечего. Команды — /help.");
    public static HtmlText DialogLost => Html.Raw("Не удалось продолжить прерванный диалог, начните его заново. Команды — /help.");
    public static HtmlText TextExpected => Html.Raw("Пожалуйста, ответьте текстом или кнопкой.");
    public static HtmlText ResumeDialog => Html.Raw("Продолжим с того места, где остановились.");
    public static HtmlText FinishDialogFirst => Html.Raw("Сначала ответьте на вопрос ниже или отмените: /cancel.");
    public static HtmlText UnknownCommand => Html.Raw("Такой команды нет. Список команд — /help.");
    public static HtmlText StrayText => Html.Raw("Я отвечаю на команды и кнопки. Список команд — /help.");
    public static HtmlText NotAllowed => Html.Raw("Эта команда вам недоступна. Список ваших команд — /help.");

    /// <summary>The answer to a button the presser may not use (a forged one, or one of another person's message).</summary>
    public const string ButtonNotAllowed = "Эта кнопка вам недоступна.";

    /// <summary>Sent when a message or file the bot owed the person could not be delivered after several minutes of attempts.</summary>
    public static HtmlText NotDelivered => Html.Raw("Не удалось доставить вам одно из сообщений бота (возможно, файл): Telegram несколько минут отвечал ошибкой. Повторите, пожалуйста, последнюю команду.");

    public static HtmlText InternalError => Html.Raw("Что-то пошло не так, и ничего не изменилось. Попробуйте ещё раз чуть позже.");
    public static HtmlText TypeTheReason => Html.Raw("Напишите причину одним сообщением.");
    public static HtmlText HelpHeader => Html.Raw("<b>Команды MentorBot</b>");
}
