using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reports;
using MentorBot.Bot.Reports.Charts;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>/announcements: the latest announcements in the coordinator's districts, with their delivery and answers.</summary>
public sealed class AnnouncementsCommand(AnnouncementRepository announcements, RsvpRepository rsvps) : ICommandHandler
{
    private const int Shown = 10;

    public static CommandRoute Route { get; } = new("announcements", "объявления: доставка, кто придёт, выгрузка", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var latest = await announcements.LatestWithinAsync(context.Caller.CoordinatorDistricts, Shown, cancellationToken);
        if (latest.Count == 0)
        {
            context.Reply(AnnouncementTexts.NoAnnouncements);
            return;
        }
        var counts = await rsvps.CountsAsync(latest.Select(a => a.Id).ToList(), cancellationToken);
        var lines = latest.Select((a, i) =>
        {
            var zone = AnnouncementMessage.Zone(a.TimeZone);
            var (yes, no) = counts.GetValueOrDefault(a.Id);
            return AnnouncementTexts.ListLine(i + 1, a.Kind, a.Title, AnnouncementTexts.When(a.StartsAt, zone),
                AnnouncementTexts.StateLabel(a, AnnouncementTexts.When(a.SendAt, zone)), yes, no);
        });
        var buttons = latest
            .Select((a, i) => InlineKeyboardButton.WithCallbackData((i + 1).ToString(CultureInfo.InvariantCulture), CallbackData.Build(AnnouncementCallback.Prefix, AnnouncementCallback.Show, a.Id)))
            .Chunk(5)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .ToList();
        context.Reply(Html.Lines(lines.Prepend(AnnouncementTexts.ListHeader(latest.Count))), new InlineKeyboardMarkup(buttons));
        if (counts.Values.Any(c => c.Yes + c.No > 0))
        {
            context.Outbox.SendPhoto(context.ChatId, "rsvp.png", ChartRenderer.Png(ReportCharts.Rsvp(latest, counts)), ReportTexts.RsvpChartCaption);
        }
    }
}

/// <summary>
/// An announcement's answers (annc:show|file|stop:id): the names, the list as a CSV file, and cancelling a broadcast that
/// has not started. Only a coordinator of every district the announcement addresses may see or touch it.
/// </summary>
public sealed class AnnouncementCallback(AnnouncementRepository announcements, RsvpRepository rsvps, Districts districts) : ICallbackHandler
{
    public const string Show = "show";
    public const string File = "file";
    /// <summary>Asks whether to cancel; only <see cref="StopConfirmed"/> cancels.</summary>
    public const string Stop = "stop";
    public const string StopConfirmed = "stopy";
    public const string Keep = "keep";
    public const string Csv = "csv";
    /// <summary>Names listed in the chat per answer; the file has them all.</summary>
    private const int NamesShown = 50;

    public static string Prefix => "annc";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var announcement = data.LongArg(1) is { } id ? await announcements.FindAsync(id, cancellationToken) : null;
        if (announcement is null || !Manages(context.Caller, announcement))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case Show:
                await ShowAsync(context, announcement, cancellationToken);
                return;
            case File:
                await ExportAsync(context, announcement, cancellationToken);
                return;
            case Stop when announcement.Status == AnnouncementStatus.Scheduled:
                var zone = AnnouncementMessage.Zone(announcement.TimeZone);
                context.Reply(AnnouncementTexts.ConfirmCancel(announcement.Title, AnnouncementTexts.When(announcement.SendAt, zone)), new InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton.WithCallbackData(AnnouncementTexts.ConfirmCancelButton, CallbackData.Build(Prefix, StopConfirmed, announcement.Id))],
                    [InlineKeyboardButton.WithCallbackData(AnnouncementTexts.KeepBroadcastButton, CallbackData.Build(Prefix, Keep, announcement.Id))],
                ]));
                return;
            case Keep:
                context.EditOrReply(announcement.Status == AnnouncementStatus.Scheduled
                    ? AnnouncementTexts.BroadcastKept(announcement.Title)
                    : AnnouncementTexts.CannotCancel);
                return;
            case Csv:
                await ExportCsvAsync(context, announcement, cancellationToken);
                return;
            case Stop or StopConfirmed:
                if (!await announcements.CancelAsync(announcement.Id, cancellationToken))
                {
                    context.AnswerCallback(Html.ToPlainText(AnnouncementTexts.CannotCancel.Value), alert: true);
                    return;
                }
                context.EditOrReply(AnnouncementTexts.BroadcastCancelled(announcement.Title));
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    public static bool Manages(Caller caller, Announcement announcement) =>
        caller.Is(Audience.Coordinator) && announcement.Audience.Districts.Count > 0 && announcement.Audience.Districts.All(caller.Coordinates);

    private async Task ShowAsync(UpdateContext context, Announcement announcement, CancellationToken cancellationToken)
    {
        var attendees = await rsvps.AttendeesAsync(announcement.Id, cancellationToken);
        var zone = AnnouncementMessage.Zone(announcement.TimeZone);
        var yes = attendees.Where(a => a.Answer == RsvpAnswer.Yes).ToList();
        var no = attendees.Where(a => a.Answer == RsvpAnswer.No).ToList();
        var lines = new List<HtmlText>
        {
            AnnouncementTexts.Details(announcement.Kind, announcement.Title, AnnouncementTexts.When(announcement.StartsAt, zone), announcement.Place,
                AnnouncementTexts.StateLabel(announcement, AnnouncementTexts.When(announcement.SendAt, zone)), yes.Count, no.Count),
        };
        foreach (var (answer, people) in new[] { (RsvpAnswer.Yes, yes), (RsvpAnswer.No, no) })
        {
            if (people.Count == 0)
            {
                continue;
            }
            lines.Add(AnnouncementTexts.AnswerListHeader(AnnouncementTexts.AnswerLabel(answer), people.Count));
            lines.AddRange(people.Take(NamesShown).Select((p, i) => AnnouncementTexts.AnswerLine(i + 1, p.FullName, p.School, districts.Name(p.District))));
            if (people.Count > NamesShown)
            {
                lines.Add(AnnouncementTexts.MoreInFile(people.Count - NamesShown));
            }
        }
        var buttons = new List<IReadOnlyList<InlineKeyboardButton>>
        {
            new[] { InlineKeyboardButton.WithCallbackData(AnnouncementTexts.ExportButton, CallbackData.Build(Prefix, File, announcement.Id)) },
        };
        if (announcement.Status == AnnouncementStatus.Scheduled)
        {
            buttons.Add([InlineKeyboardButton.WithCallbackData(AnnouncementTexts.CancelBroadcastButton, CallbackData.Build(Prefix, Stop, announcement.Id))]);
        }
        context.Reply(Html.Lines(lines), new InlineKeyboardMarkup(buttons));
    }

    /// <summary>Everyone who answered, as an .xlsx sheet with the answer time as a date in the event's zone; a button offers CSV.</summary>
    private async Task ExportAsync(UpdateContext context, Announcement announcement, CancellationToken cancellationToken)
    {
        var attendees = await rsvps.AttendeesAsync(announcement.Id, cancellationToken);
        var zone = AnnouncementMessage.Zone(announcement.TimeZone);
        var rows = attendees.Select((a, i) => (IReadOnlyList<object?>)
        [
            i + 1, a.FullName, a.School, districts.Name(a.District), AnnouncementTexts.RoleName(a.Role), AnnouncementTexts.AnswerLabel(a.Answer),
            TimeZoneInfo.ConvertTime(a.AnsweredAt, zone).DateTime,
        ]);
        var file = new XlsxWorkbook().Sheet(ReportTexts.AnswersSheet, AnswerHeaders, rows).ToBytes();
        var yes = attendees.Count(a => a.Answer == RsvpAnswer.Yes);
        var csv = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(ReportTexts.CsvButton, CallbackData.Build(Prefix, Csv, announcement.Id))]]);
        context.Outbox.SendDocument(context.ChatId, $"mentorbot-rsvp-{announcement.Id}.xlsx", file,
            AnnouncementTexts.ExportCaption(announcement.Title, yes, attendees.Count - yes), csv);
    }

    private static readonly string[] AnswerHeaders = ["№", "ФИО", "Школа", "Район", "Роль", "Ответ", "Время ответа"];

    /// <summary>Everyone who answered, as a CSV file that Excel opens as it is.</summary>
    private async Task ExportCsvAsync(UpdateContext context, Announcement announcement, CancellationToken cancellationToken)
    {
        var attendees = await rsvps.AttendeesAsync(announcement.Id, cancellationToken);
        var zone = AnnouncementMessage.Zone(announcement.TimeZone);
        var csv = new CsvDocument().Row(AnswerHeaders);
        var number = 0;
        foreach (var attendee in attendees)
        {
            csv.Row(++number, attendee.FullName, attendee.School, districts.Name(attendee.District), AnnouncementTexts.RoleName(attendee.Role),
                AnnouncementTexts.AnswerLabel(attendee.Answer), TimeZoneInfo.ConvertTime(attendee.AnsweredAt, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));
        }
        var yes = attendees.Count(a => a.Answer == RsvpAnswer.Yes);
        context.Outbox.SendDocument(context.ChatId, $"mentorbot-rsvp-{announcement.Id}.csv", csv.ToBytes(),
            AnnouncementTexts.ExportCaption(announcement.Title, yes, attendees.Count - yes));
    }
}
