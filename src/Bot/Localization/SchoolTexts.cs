using MentorBot.Bot.Features.Schools;

namespace MentorBot.Bot.Localization;

public static class SchoolTexts
{
    public const string ApplyButton = "✅ Применить";
    public const string CancelButton = "Отменить";
    public const string LatitudeWord = "широта";
    public const string LongitudeWord = "долгота";
    private const int ListedAtMost = 15;

    // The whole file.
    public static HtmlText FileTooLarge(long maxBytes) => Html.Format(
        $"Файл не принят: он больше допустимого размера ({maxBytes / 1024} КБ). Реестр не изменён. Разделите файл или удалите лишние листы и столбцы.");

    public static HtmlText FileEmpty => Html.Raw("Файл не принят: в нём нет таблицы. Первая строка должна содержать заголовки столбцов. Реестр не изменён.");

    public static HtmlText OldExcelFormat => Html.Raw(
        "Файл не принят: это старый формат Excel (XLS). Сохраните таблицу как «Книга Excel (XLSX)» или «CSV» и пришлите снова. Реестр не изменён.");

    public static HtmlText NotASpreadsheet => Html.Raw("Файл не принят: это не таблица CSV или XLSX. Реестр не изменён.");

    public static HtmlText TooManyRows(int maxRows) => Html.Format(
        $"Файл не принят: в нём больше строк, чем допустимо для одного района (не более {maxRows}). Реестр не изменён.");

    public static HtmlText MissingColumns(IReadOnlyList<string> missing, IReadOnlyList<string> all) => Html.Format(
        $"Файл не принят: нет {(missing.Count == 1 ? "столбца" : "столбцов")} {Quoted(missing)}. Реестр не изменён.\n"
        + $"Первая строка таблицы — заголовки: {Quoted(all)} (столбец «Директор» — по желанию).");

    // A row.
    public static string MissingNumber => "не указан номер школы";

    public static string BadNumber(string text) => $"номер „{text}“ не похож на номер школы";

    public static string DuplicateNumber(string number, int firstRow) => $"школа №{number} уже указана в строке {firstRow}";

    public static string MissingName => "не указано полное название";

    public static string NameTooLong => "название длиннее 300 символов";

    public static string MissingSettlement => "не указан населённый пункт";

    public static string SettlementTooLong => "название населённого пункта длиннее 150 символов";

    public static string DirectorTooLong => "ФИО директора длиннее 200 символов";

    public static string BadKind(string text) => $"тип населённого пункта „{text}“ не распознан: нужно „город“ или „село“";

    public static string BadSize(string text) => $"размер „{text}“ не распознан: нужно „малая“, „средняя“ или „большая“";

    public static string BadStatus(string text) =>
        $"статус „{text}“ не распознан: нужно „флагман“, „молодой директор“, „низкие результаты“ или „другое“";

    public static string OneCoordinate => "указана только одна координата: нужны обе (широта и долгота) или ни одной";

    public static string NotANumber(string word, string text) => $"{word} „{text}“ — не число";

    public static string OutOfRange(string word, string text, double limit) => $"{word} {text} вне допустимого диапазона (от −{limit:0} до {limit:0})";

    // The dialog.
    public static HtmlText ChooseDistrict => Html.Raw("Реестр школ какого района загрузить?");

    public static HtmlText SendFile(string district) => Html.Format(
        $"Пришлите файл реестра школ ({district}) документом: XLSX или CSV.\n"
        + $"Столбцы: «Номер», «Полное название», «Населённый пункт», «Тип населённого пункта» (город или село), «Размер» (малая, средняя, большая), "
        + $"«Статус» (флагман, молодой директор, низкие результаты, другое), «Широта», «Долгота», «Директор» (по желанию).\n"
        + $"Сначала вы увидите, что изменится; реестр изменится только после подтверждения. Отказаться — /cancel.");

    public static HtmlText FileExpected => Html.Raw("Нужен файл XLSX или CSV, отправленный документом. Отказаться — /cancel.");

    public static HtmlText ConfirmOrSendAnother => Html.Raw(
        "Реестр ещё не изменён. Примените изменения из предварительного просмотра, отмените загрузку или пришлите другой файл.");

    public static HtmlText SendAgain => Html.Raw("Исправьте файл и пришлите его снова или отмените загрузку: /cancel.");

    public static HtmlText DownloadFailed => Html.Raw("Не удалось получить файл от Telegram. Пришлите его ещё раз.");

    public static HtmlText RowsRejected(string fileName, SchoolRoster roster) => Html.Format(
        $"Файл {RussianQuotes.Quote(fileName)} не принят: строк с ошибками — {roster.Problems.Count} из {roster.RowsRead}. Реестр не изменён.\n")
        + Html.Lines(roster.Problems.Take(ListedAtMost).Select(p => Html.Format($"Строка {p.Row}: {p.Reason}.")))
        + (roster.Problems.Count > ListedAtMost ? Html.Format($"\n…и ещё строк с ошибками: {roster.Problems.Count - ListedAtMost}.") : HtmlText.Empty);

    public static HtmlText Preview(string fileName, string district, SchoolImportPlan plan)
    {
        var lines = new List<HtmlText>
        {
            Html.Format($"Файл {RussianQuotes.Quote(fileName)}, {district}. Прочитано строк: {plan.RowsRead}, ошибок нет."),
        };
        if (plan.Added.Count > 0)
        {
            lines.Add(Html.Format($"Добавятся школы ({plan.Added.Count}): {Numbers(plan.Added.Select(s => s.Number))}."));
        }
        if (plan.Changed.Count > 0)
        {
            lines.Add(Html.Format($"Изменятся ({plan.Changed.Count}): ")
                + Html.Join("; ", plan.Changed.Take(ListedAtMost).Select(c => Html.Format($"№{c.School.Number} — {string.Join(", ", c.Fields.Select(FieldLabel))}")))
                + Html.Raw(plan.Changed.Count > ListedAtMost ? $"; …и ещё {plan.Changed.Count - ListedAtMost}." : "."));
        }
        if (plan.Removed.Count > 0)
        {
            lines.Add(Html.Format($"Удалятся из реестра, так как их нет в файле ({plan.Removed.Count}): {Numbers(plan.Removed.Select(s => s.Number))}."));
        }
        if (plan.Closed.Count > 0)
        {
            lines.Add(Html.Format($"Будут отмечены закрытыми, а не удалены, так как их указали в анкетах ({plan.Closed.Count}): {Numbers(plan.Closed.Select(s => s.Number))}."));
            lines.Add(Affected(plan.Affected));
        }
        lines.Add(Html.Format($"Без изменений: {plan.Unchanged}."));
        lines.Add(plan.HasChanges ? Html.Raw("Применить эти изменения?") : Html.Raw("Реестр уже совпадает с файлом: менять нечего."));
        return Html.Lines(lines);
    }

    public static HtmlText Affected(IReadOnlyList<SchoolReference> affected) =>
        Html.Raw("Директора закрытых школ (попросите их выбрать школу в анкете — /profile):\n")
        + Html.Lines(affected.Select(a => Html.Format($"• {a.FullName} — школа №{a.Number}")));

    public static HtmlText Applied(string district, SchoolImportPlan plan) => Html.Format(
        $"Реестр школ обновлён ({district}). Добавлено: {plan.Added.Count}, изменено: {plan.Changed.Count}, удалено: {plan.Removed.Count}, отмечено закрытыми: {plan.Closed.Count}.")
        + (plan.Closed.Count > 0 ? Html.Raw("\n") + Affected(plan.Affected) : HtmlText.Empty);

    public static HtmlText Cancelled => Html.Raw("Загрузка реестра отменена. Реестр не изменён.");

    public static HtmlText ImportGone => Html.Raw("Эта загрузка уже завершена или отменена.");

    // Registration.
    public const string NotInRegistryButton = "Моей школы нет в списке";

    public static HtmlText ChooseRegistrySchool(string typed) => Html.Format(
        $"В реестре школ по запросу {RussianQuotes.Quote(typed)} нашлось вот что. Выберите свою школу — населённый пункт, его тип и размер школы подставятся из реестра. Если её нет в списке, нажмите «{NotInRegistryButton}» или напишите номер или название иначе.");

    public static string RegistryChoiceLabel(School school, string district, bool withDistrict)
    {
        var label = $"№{school.Number} — {school.FullName}, {school.Settlement}" + (withDistrict ? $" ({district})" : "");
        return label.Length <= 90 ? label : label[..89] + "…";
    }

    public static HtmlText SchoolNotInRegistry(string name, string school, string district) => Html.Format(
        $"В анкете указана школа, которой нет в реестре школ ({district}).\nДиректор: {name}\nШкола в анкете: {school}\nЕсли школа действует, добавьте её в файл реестра и загрузите его снова — /import_schools.");

    public static HtmlText RegistryMarksFlagship(string number) => Html.Format(
        $"По реестру района школа №{number} — флагманская. Подтверждение анкеты всё равно за вами.");

    private static string FieldLabel(SchoolField field) => field switch
    {
        SchoolField.FullName => "название",
        SchoolField.Settlement => "населённый пункт",
        SchoolField.Size => "размер",
        SchoolField.Status => "статус",
        SchoolField.Location => "координаты",
        SchoolField.Director => "директор",
        _ => "снова открыта",
    };

    private static string Numbers(IEnumerable<string> numbers)
    {
        var list = numbers.ToList();
        var shown = string.Join(", ", list.Take(ListedAtMost).Select(n => "№" + n));
        return list.Count > ListedAtMost ? $"{shown} …и ещё {list.Count - ListedAtMost}" : shown;
    }

    private static string Quoted(IEnumerable<string> labels) => string.Join(", ", labels.Select(RussianQuotes.Quote));
}
