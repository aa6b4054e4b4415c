using System.Globalization;
using MentorBot.Bot.Features.Mentorship;

namespace MentorBot.Bot.Localization;

/// <summary>Charts, spreadsheets and the monthly district report.</summary>
public static class ReportTexts
{
    private static readonly string[] MonthsNominative =
        ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

    /// <summary>«ноябрь 2026».</summary>
    public static string MonthName(int year, int month) => $"{MonthsNominative[month - 1]} {year.ToString(CultureInfo.InvariantCulture)}";

    // Charts.
    public const string CoverageChartTitle = "Покрытие дефицитов свободными местами";
    public const string YoungDirectorsAxis = "Молодых директоров";
    public const string NeededSeries = "Нуждаются";
    public const string CoveredSeries = "Обеспечены свободными местами";
    public const string TrendChartTitle = "Оценка дефицитов на ежемесячных встречах";
    public const string RatingAxis = "Оценка: 1 — не закрыт, 5 — закрыт";
    public const string RsvpChartTitle = "Ответы на объявления";
    public const string AnswersAxis = "Ответов";

    public static HtmlText CoverageChartCaption(IEnumerable<string> districts) =>
        Html.Format($"Покрытие дефицитов: сколько молодых директоров нуждаются в помощи и скольких могут взять флагманы со свободными местами. {string.Join(", ", districts)}.");
    public static HtmlText TrendChartCaption => Html.Raw("Как менялась оценка каждого дефицита на ежемесячных встречах (5 — дефицит закрыт).");
    public static HtmlText RsvpChartCaption => Html.Raw("Ответы на последние объявления: «Буду» и «Не смогу».");

    // Spreadsheets.
    public const string CsvButton = "Скачать в CSV";
    public static HtmlText CsvCaption => Html.Raw("То же в CSV (разделитель — точка с запятой).");

    // The monthly report.
    public static HtmlText AskMonth => Html.Raw("За какой месяц подготовить отчёт по вашим районам? Можно и командой: /report 2026-11.");
    public static HtmlText BadMonth => Html.Raw("Месяц не распознан. Напишите его так: /report 2026-11 — или выберите месяц кнопкой после /report.");
    public static HtmlText FutureMonth => Html.Raw("Этот месяц ещё не начался. Выберите прошедший или текущий месяц.");
    public static HtmlText ReportCaption(string month, IEnumerable<string> districts) =>
        Html.Format($"Отчёт за {month}: {string.Join(", ", districts)}. Листы: пары, без наставника, дефициты, встречи, события.");
    public static HtmlText MonthlyReportIntro(string month) =>
        Html.Format($"Ежемесячный отчёт для управления образования за {month} готов.");

    public const string PairsSheet = "Пары";
    public const string UnmatchedSheet = "Без наставника";
    public const string DesignatedSheet = "Пары по решению форума";

    public static readonly string[] DesignatedHeaders =
        ["№", "Район", "Флагманская школа", "Директор-флагман", "Школа молодого директора", "Молодой директор", "Состояние"];
    public const string DeficitsSheet = "Дефициты";
    public const string MeetingsSheet = "Встречи";
    public const string EventsSheet = "События";
    public const string CoverageSheet = "Покрытие дефицитов";
    public const string AnswersSheet = "Ответы";

    public static readonly string[] PairsHeaders =
    [
        "№", "Район", "Школа флагмана", "Директор-флагман", "Школа молодого директора", "Молодой директор", "Начало", "Окончание", "Статус",
        "Пунктов плана выполнено", "Пунктов плана всего", "Встреч за месяц", "Последняя оценка",
    ];
    public static readonly string[] UnmatchedHeaders = ["№", "Район", "Школа", "Молодой директор", "Причина"];
    public static readonly string[] DeficitsHeaders =
    [
        "Дефицит", "Нуждаются (молодых директоров)", "Флагманов со свободными местами", "Свободных мест", "Обеспечены свободными местами",
        "В целях пар", "Закрыт по оценкам (4–5 из 5)",
    ];
    public static readonly string[] MeetingsHeaders = ["№", "Дата и время", "Формат", "Район", "Директор-флагман", "Молодой директор"];
    public static readonly string[] EventsHeaders = ["№", "Дата и время", "Вид", "Название", "Место", "Получили объявление", "Ответили «Буду»", "Ответили «Не смогу»"];

    public static string StatusLabel(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Active => "действует",
        PartnershipStatus.Completed => "завершено",
        _ => "завершено досрочно",
    };

    public static string FileName(string prefix, int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:0000}-{month:00}.xlsx");
}
