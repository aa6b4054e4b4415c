using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Reporting;

/// <summary>/report [2026-11]: the monthly district report on demand, for the caller's districts only.</summary>
public sealed class ReportCommand(MonthlyReport report, Districts districts) : ICommandHandler
{
    /// <summary>Months offered as buttons: the current one and the ones before it.</summary>
    private const int MonthsOffered = 4;

    public static CommandRoute Route { get; } = new("report", "ежемесячный отчёт по районам (XLSX и диаграмма)", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            var current = Current(context);
            var buttons = Enumerable.Range(0, MonthsOffered)
                .Select(i => current.FirstDay.AddMonths(-i)).Select(ReportMonth.FromDate)
                .Select(m => InlineKeyboardButton.WithCallbackData(m.Name, CallbackData.Build(ReportCallback.Prefix, m.Key)))
                .Chunk(2).Select(row => (IReadOnlyList<InlineKeyboardButton>)row).ToList();
            context.Reply(ReportTexts.AskMonth, new InlineKeyboardMarkup(buttons));
            return;
        }
        if (!ReportMonth.TryParse(arguments, out var month))
        {
            context.Reply(ReportTexts.BadMonth);
            return;
        }
        await SendAsync(context, month, cancellationToken);
    }

    /// <summary>Sends the report of <paramref name="month"/> for the caller's districts, unless the month has not begun.</summary>
    public async Task SendAsync(UpdateContext context, ReportMonth month, CancellationToken cancellationToken)
    {
        if (month.FirstDay > Current(context).FirstDay)
        {
            context.Reply(ReportTexts.FutureMonth);
            return;
        }
        var files = await report.BuildAsync(context.Caller.CoordinatorDistricts, month, cancellationToken);
        context.Outbox.SendDocument(context.ChatId, files.FileName, files.Workbook, files.Caption);
        if (files.CoverageChart is { } chart)
        {
            context.Outbox.SendPhoto(context.ChatId, "coverage.png", chart,
                ReportTexts.CoverageChartCaption(context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).Select(districts.Name)));
        }
    }

    private ReportMonth Current(UpdateContext context) =>
        ReportMonth.Of(context.Now, districts.TimeZone(context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).FirstOrDefault()));
}

/// <summary>rpt:2026-11 — a month chosen under /report. Re-checks that the presser coordinates districts now.</summary>
public sealed class ReportCallback(ReportCommand command) : ICallbackHandler
{
    public static string Prefix => "rpt";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Coordinator) || context.Caller.CoordinatorDistricts.Count == 0)
        {
            context.AnswerCallback(Html.ToPlainText(Texts.NotAllowed.Value), alert: true);
            return;
        }
        if (!ReportMonth.TryParse(data.Arg(0), out var month))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        await command.SendAsync(context, month, cancellationToken);
    }
}
