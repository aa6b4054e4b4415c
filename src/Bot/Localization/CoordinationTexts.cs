namespace MentorBot.Bot.Localization;

public static class CoordinationTexts
{
    public const string ApproveButton = "✅ Подтвердить";
    public const string RejectButton = "Отклонить";
    public const string InviteCoordinatorButton = "Координатора";
    public const string InviteFlagshipButton = "Директора-флагмана";
    public const string OtherReasonButton = "Другая причина — напишу";

    public static readonly IReadOnlyList<string> RejectionReasons =
    [
        "Не хватает данных в анкете",
        "Школа не входит в число флагманов по итогам мониторинга",
        "Повторная заявка",
    ];

    public static HtmlText NoPendingApprovals => Html.Raw("Заявок флагманов на подтверждение нет.");

    public static HtmlText PendingHeader(int count) => Html.Format($"Заявки флагманов на подтверждение: {count}.");

    public static HtmlText Approved(string name) => Html.Format($"✅ {name}: подтверждено.");

    public static HtmlText Rejected(string name, string reason) => Html.Format($"✖ {name}: отклонено. Причина: {reason}");

    public static HtmlText AlreadyReviewed => Html.Raw("Эту заявку уже рассмотрели.");

    public static HtmlText YouWereApproved => Html.Raw(
        "Координатор подтвердил вашу анкету: теперь вы — директор-флагман. Запросы молодых директоров придут сюда. Команды — /help.");

    public static HtmlText YouWereRejected(string reason) => Html.Format(
        $"Координатор не подтвердил вашу анкету директора-флагмана. Причина: {reason}\nВопросы можно задать координатору района; анкета — /profile.");

    public static HtmlText AskRejectionReason(string name) => Html.Format($"Почему отклонить заявку {name}? Выберите причину или напишите свою (до 300 символов).");

    public static HtmlText TypeTheReason => Html.Raw("Напишите причину одним сообщением.");

    public static HtmlText ChooseInviteRole => Html.Raw("Кого пригласить по одноразовой ссылке?");

    public static HtmlText ChooseInviteDistrict => Html.Raw("Для какого района?");

    public static HtmlText InviteCreated(string link, string role, string district, string expires) => Html.Format(
        $"Одноразовая ссылка-приглашение ({role}, {district}), действует до {expires}:\n{link}\n\nПо ней может зарегистрироваться один человек.");
}
