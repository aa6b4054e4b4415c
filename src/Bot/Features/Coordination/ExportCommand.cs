using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Reports;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>
/// /export: the assignment list in the shape of the forum resolution (flagship school and director, young director's
/// school and director), with term, plan progress and the last check-in, then the deficit coverage.
/// </summary>
public sealed class ExportCommand(CoordinationReport report, Taxonomy taxonomy, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("export", "выгрузка пар и покрытия для управления образования", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var file = await BuildAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        context.Outbox.SendDocument(context.ChatId, $"mentorbot-pairs-{context.Now:yyyy-MM-dd}.csv", file, "text/csv", CoordinationTexts.ExportCaption);
    }

    public async Task<byte[]> BuildAsync(IReadOnlyCollection<string> scope, CancellationToken cancellationToken)
    {
        var csv = new CsvDocument()
            .Row("№", "Район", "Школа флагмана", "Директор-флагман", "Школа молодого директора", "Молодой директор", "Начало", "Окончание",
                "Пунктов плана выполнено", "Пунктов плана всего", "Последняя оценка дефицитов (1–5)");
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
        return csv.ToBytes();
    }

    /// <summary>In the taxonomy's order, so that rows read alike whatever order the database returned the ratings in.</summary>
    private string LatestRatings(IReadOnlyDictionary<string, int> ratings) =>
        string.Join(", ", taxonomy.Entries.Where(e => ratings.ContainsKey(e.Code)).Select(e => $"{taxonomy.Short(e.Code)}: {ratings[e.Code]}"));
}
