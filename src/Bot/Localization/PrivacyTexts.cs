namespace MentorBot.Bot.Localization;

public static class PrivacyTexts
{
    public const string DeleteButton = "Да, удалить всё";
    public const string KeepButton = "Нет, оставить";
    public const string Deleted = "Ваши данные удалены. Если захотите вернуться — нажмите /start.";

    public static HtmlText MyDataCaption => Html.Raw("Те же данные в формате JSON — для переноса или проверки.");

    public static HtmlText ConfirmDeletion => Html.Raw(
        "Удалить все ваши данные? Анкета, запросы и партнёрства будут удалены без возможности восстановления, а ваши партнёры получат короткое уведомление.");

    public static HtmlText DeletionCancelled => Html.Raw("Хорошо, ничего не удалено.");

    public static HtmlText NothingStored => Html.Raw("Анкеты у вас сейчас нет: удалять нечего. Чтобы начать заново — /start.");
}
