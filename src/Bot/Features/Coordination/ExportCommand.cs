using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Reports;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>
/// /export: the assignment list in the shape of the forum resolution (flagship school and director, young director's
/// school and director), with term, plan progress and the last check-in, then the deficit coverage. An .xlsx file with a
/// sheet for each, and a button under it for the same as CSV.
/// </summary>
public sealed class ExportCommand(CoordinationReport report, Taxonomy taxonomy, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("export", "выгрузка пар и покрытия для управления образования", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var file = await BuildXlsxAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        var csv = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(ReportTexts.CsvButton, CallbackData.Build(ExportCallback.Prefix, ExportCallback.Csv))]]);
        context.Outbox.SendDocument(context.ChatId, $"mentorbot-pairs-{context.Now:yyyy-MM-dd}.xlsx", file,
            CoordinationTexts.ExportCaption, csv);
    }

    public async Task SendCsvAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var file = await BuildAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        context.Outbox.SendDocument(context.ChatId, $"mentorbot-pairs-{context.Now:yyyy-MM-dd}.csv", file, ReportTexts.CsvCaption);
    }

    /// <summary>Two sheets: the pairs, and the coverage of each deficit. Dates are real dates, counts are numbers.</summary>
    public async Task<byte[]> BuildXlsxAsync(IReadOnlyCollection<string> scope, CancellationToken cancellationToken)
    {
        var pairs = (await report.PairsAsync(scope, cancellationToken)).Select((pair, i) => (IReadOnlyList<object?>)
        [
            i + 1, districts.Name(pair.Mentee.District), pair.Mentor.School, pair.Mentor.FullName, pair.Mentee.School, pair.Mentee.FullName,
            pair.Partnership.StartsOn, pair.Partnership.EndsOn, pair.PlanDone, pair.PlanTotal, LatestRatings(pair.LastRatings),
        ]);
        var coverage = (await report.CoverageAsync(scope, cancellationToken)).Select(c => (IReadOnlyList<object?>)
            [taxonomy.Label(c.Code), c.YoungNeeding, c.FlagshipsOffering, c.FreePlaces, c.IsGap ? "да" : ""]);
        var workbook = new XlsxWorkbook()
            .Sheet(ReportTexts.PairsSheet, PairHeaders, pairs)
            .Sheet(ReportTexts.CoverageSheet, ["Дефицит", "Молодых директоров с дефицитом", "Флагманов со свободными местами, закрывающих его", "Свободных мест у них", "Не закрыт"], coverage);
        // Only a district that imported a resolution has the sheet.
        if (await DesignatedRowsAsync(scope, cancellationToken) is { Count: > 0 } designated)
        {
            workbook.Sheet(ReportTexts.DesignatedSheet, ReportTexts.DesignatedHeaders, designated);
        }
        return workbook.ToBytes();
    }

    /// <summary>The forum's designated pairs as rows of <see cref="ReportTexts.DesignatedHeaders"/>, pending ones said so.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<object?>>> DesignatedRowsAsync(IReadOnlyCollection<string> scope, CancellationToken cancellationToken) =>
        (await report.DesignatedAsync(scope, cancellationToken)).Select((d, i) => (IReadOnlyList<object?>)
        [
            i + 1, districts.Name(d.Pair.District), "№" + d.Pair.FlagshipNumber, d.Mentor?.FullName ?? "не зарегистрирован",
            "№" + d.Pair.YoungNumber, d.Mentee?.FullName ?? "не зарегистрирован", DesignatedPairTexts.StatusLabel(d.Pair),
        ]).ToList();

    private static readonly string[] PairHeaders =
    [
        "№", "Район", "Школа флагмана", "Директор-флагман", "Школа молодого директора", "Молодой директор", "Начало", "Окончание",
        "Пунктов плана выполнено", "Пунктов плана всего", "Последняя оценка дефицитов (1–5)",
    ];

    public async Task<byte[]> BuildAsync(IReadOnlyCollection<string> scope, CancellationToken cancellationToken)
    {
        var csv = new CsvDocument()
            .Row(PairHeaders);
        var number = 0;
        foreach (var pair in await report.PairsAsync(scope, cancellationToken))
        {
            csv.Row(++number, districts.Name(pair.Mentee.District), pair.Mentor.School, pair.Mentor.FullName, pair.Mentee.School, pair.Mentee.FullName,
                MentorshipTexts.Date(pair.Partnership.StartsOn), MentorshipTexts.Date(pair.Partnership.EndsOn), pair.PlanDone, pair.PlanTotal,
                LatestRatings(pair.LastRatings));
        }
        csv.Blank().Row("Дефицит", "Молодых директоров с дефицитом", "Флагманов со свободными местами, закрывающих его", "Не закрыт");
        foreach (var coverage in await report.CoverageAsync(scope, cancellationToken))
        {
            csv.Row(taxonomy.Label(coverage.Code), coverage.YoungNeeding, coverage.FlagshipsOffering, coverage.IsGap ? "да" : "");
        }
        if (await DesignatedRowsAsync(scope, cancellationToken) is { Count: > 0 } designated)
        {
            csv.Blank().Row(ReportTexts.DesignatedHeaders);
            foreach (var row in designated)
            {
                csv.Row([.. row]);
            }
        }
        return csv.ToBytes();
    }

    /// <summary>In the taxonomy's order, so that rows read alike whatever order the database returned the ratings in.</summary>
    private string LatestRatings(IReadOnlyDictionary<string, int> ratings) =>
        string.Join(", ", taxonomy.Entries.Where(e => ratings.ContainsKey(e.Code)).Select(e => $"{taxonomy.Short(e.Code)}: {ratings[e.Code]}"));
}

/// <summary>exp:csv — the button under the .xlsx export: the same lists as CSV, for the presser's districts as they are now.</summary>
public sealed class ExportCallback(ExportCommand export) : ICallbackHandler
{
    public const string Csv = "csv";

    public static string Prefix => "exp";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Coordinator))
        {
            context.AnswerCallback(Html.ToPlainText(Texts.NotAllowed.Value), alert: true);
            return;
        }
        if (data.Arg(0) != Csv)
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        await export.SendCsvAsync(context, cancellationToken);
    }
}
