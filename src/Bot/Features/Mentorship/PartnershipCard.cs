using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Networking.Practices;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reports.Charts;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>The partnership card: term, goals, plan, meetings, check-in trends, and the actions allowed to this viewer.</summary>
public sealed class PartnershipCard(
    PartnershipRepository partnerships,
    PeopleRepository people,
    Taxonomy taxonomy,
    Districts districts,
    IOptions<MentorshipOptions> options,
    IPracticeSuggestions practices)
{
    public async Task ShowAsync(UpdateContext context, Partnership partnership, CancellationToken cancellationToken)
    {
        var mentee = await people.FindAsync(partnership.MenteeId, cancellationToken);
        var mentor = await people.FindAsync(partnership.MentorId, cancellationToken);
        if (mentee is null || mentor is null)
        {
            context.Reply(PartnershipTexts.NotActive);
            return;
        }
        var zone = districts.TimeZone(mentee.District);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime);
        var plan = await partnerships.PlanAsync(partnership.Id, cancellationToken);
        var meetings = await partnerships.MeetingsAsync(partnership.Id, cancellationToken);
        var checkins = await partnerships.CheckinsAsync(partnership.Id, cancellationToken);

        var lines = new List<HtmlText>
        {
            Html.Format($"<b>Партнёрство</b>: наставник {MentorshipTexts.Contact(mentor)} — молодой директор {MentorshipTexts.Contact(mentee)}"),
            Html.Format($"Соглашение: с {MentorshipTexts.Date(partnership.StartsOn)} по {MentorshipTexts.Date(partnership.EndsOn)} (осталось дней: {Math.Max(0, partnership.EndsOn.DayNumber - today.DayNumber)})"),
            Html.Format($"Цели: {ProfileTexts.Numbered(partnership.Goals, taxonomy)}"),
            Html.Raw("\n<b>План адресных мер поддержки</b>"),
        };
        lines.AddRange(plan.Count == 0
            ? [Html.Raw("— пока пусто")]
            : plan.Select(item => Html.Format(
                $"{PartnershipTexts.StatusMark(item.Status)} {item.Title} — {PartnershipTexts.OwnerLabel(item.Owner)}, срок {MentorshipTexts.Date(item.DueOn)}")));
        lines.Add(Html.Raw("\n<b>Встречи</b>"));
        lines.AddRange(meetings.Count == 0
            ? [Html.Raw("— пока не было")]
            : meetings.Select(m => Html.Format(
                $"• {MentorshipTexts.DateTime(TimeZoneInfo.ConvertTime(m.StartsAt, zone))} — {PartnershipTexts.FormatLabel(m.Format)}{(m.Note.Length == 0 ? "" : ": " + m.Note)}")));
        lines.Add(Html.Raw("\n<b>Ежемесячные оценки</b>"));
        lines.AddRange(checkins.Count == 0
            ? [Html.Raw("— пока не было")]
            : partnership.Goals.Select(goal => Html.Format($"• {taxonomy.Short(goal)}: {Trend(checkins, goal)}")));
        if (checkins.LastOrDefault(c => c.Comment.Length > 0) is { } commented)
        {
            lines.Add(Html.Format($"Последний комментарий: {commented.Comment}"));
        }
        if (checkins.LastOrDefault(c => c.MentorNote is { Length: > 0 }) is { } noted)
        {
            lines.Add(Html.Format($"Заметка наставника: {noted.MentorNote}"));
        }
        if (context.UserId == mentee.UserId)
        {
            lines.AddRange((await practices.ForMenteeAsync(mentee, cancellationToken)).Select(paragraph => Html.Raw("\n") + paragraph));
        }
        context.Reply(Html.Lines(lines), partnership.Status == PartnershipStatus.Active ? Actions(partnership, context.UserId, today) : null);
        SendTrendChart(context, partnership, checkins, zone);
    }

    /// <summary>The deficits' ratings over the check-ins as a chart, once there is a trend to see (two check-ins or more).</summary>
    private void SendTrendChart(UpdateContext context, Partnership partnership, IReadOnlyList<Checkin> checkins, TimeZoneInfo zone)
    {
        if (checkins.Count >= 2 && ReportCharts.DeficitTrend(partnership, checkins, taxonomy, zone) is { IsEmpty: false } chart)
        {
            context.Outbox.SendPhoto(context.ChatId, "deficits.png", ChartRenderer.Png(chart), ReportTexts.TrendChartCaption);
        }
    }

    /// <summary>"2 → 3 → 4 ↑": each check-in's rating for the goal, and the direction from the first to the last.</summary>
    public static string Trend(IReadOnlyList<Checkin> checkins, string goal)
    {
        var ratings = checkins.Where(c => c.Ratings.ContainsKey(goal)).Select(c => c.Ratings[goal]).ToList();
        if (ratings.Count == 0)
        {
            return "—";
        }
        var arrow = ratings.Count < 2 ? "" : ratings[^1] > ratings[0] ? " ↑" : ratings[^1] < ratings[0] ? " ↓" : " →";
        return string.Join(" → ", ratings) + arrow;
    }

    private InlineKeyboardMarkup Actions(Partnership partnership, long viewer, DateOnly today)
    {
        string Data(string action, params object[] args) => CallbackData.Build(PartnershipCallback.Prefix, [action, partnership.Id, .. args]);
        List<IEnumerable<InlineKeyboardButton>> rows =
        [
            [InlineKeyboardButton.WithCallbackData(MentorshipTexts.PlanButton, Data("plan")), InlineKeyboardButton.WithCallbackData(MentorshipTexts.PlanStatusButton, Data("items"))],
            [InlineKeyboardButton.WithCallbackData(MentorshipTexts.MeetingButton, Data("meet"))],
        ];
        if (viewer == partnership.MenteeId)
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(MentorshipTexts.CheckinButton, Data("chk"))]);
        }
        if (InProlongationWindow(partnership, today))
        {
            rows.AddRange(ProlongationKeyboard(partnership).InlineKeyboard);
        }
        rows.Add([InlineKeyboardButton.WithCallbackData(MentorshipTexts.EndEarlyButton, Data("end"))]);
        return new InlineKeyboardMarkup(rows);
    }

    public bool InProlongationWindow(Partnership partnership, DateOnly today) =>
        partnership.EndsOn.AddDays(-options.Value.ProlongationNoticeDays) <= today;

    /// <summary>The answer buttons name the term they answer for, so that a button left from before a prolongation is stale.</summary>
    public static InlineKeyboardMarkup ProlongationKeyboard(Partnership partnership) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(MentorshipTexts.ProlongButton, CallbackData.Build(PartnershipCallback.Prefix, "prl", partnership.Id, "y", TermKey(partnership.EndsOn))),
            InlineKeyboardButton.WithCallbackData(MentorshipTexts.CloseButton, CallbackData.Build(PartnershipCallback.Prefix, "prl", partnership.Id, "n", TermKey(partnership.EndsOn))),
        ],
    ]);

    public static string TermKey(DateOnly endsOn) => endsOn.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
