using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.InternshipSites;

/// <summary>/sites: a coordinator's internship sites with their requests and participants, and a new site.</summary>
public sealed class SitesCommand(InternshipRepository internships, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("sites", "стажировочные площадки района: заявки, участники, новая", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var programmes = await OpenProgrammes.ListAsync(internships, districts, context.Now, context.Caller.CoordinatorDistricts, cancellationToken);
        var lines = new List<HtmlText> { NetworkingTexts.SitesHeader(programmes.Count) };
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        foreach (var programme in programmes)
        {
            var participants = await internships.ParticipantsAsync(programme.Id, cancellationToken);
            lines.Add(NetworkingTexts.SiteLine(programme.School, districts.Name(programme.District), programme.Theme, programme.StartsOn, programme.EndsOn,
                participants.Count(p => p.Status == ParticipationStatus.Requested), participants.Count(p => p.Status == ParticipationStatus.Confirmed)));
            rows.Add([InlineKeyboardButton.WithCallbackData(NetworkingTexts.SiteRequestsButton(programme.School), CallbackData.Build(SitesCallback.Prefix, "r", programme.Id))]);
        }
        rows.Add([InlineKeyboardButton.WithCallbackData(NetworkingTexts.NewSiteButton, CallbackData.Build(SitesCallback.Prefix, "new"))]);
        context.Reply(Html.Join("\n\n", lines), new InlineKeyboardMarkup(rows));
    }
}

/// <summary>A coordinator's buttons: a programme's requests, confirm or decline one, start a new site. Scope and state are checked on every press.</summary>
public sealed class SitesCallback(InternshipRepository internships, PeopleRepository people, NewSiteDialog newSite) : ICallbackHandler
{
    public static string Prefix => "sites";

    public static InlineKeyboardMarkup DecisionKeyboard(long programmeId, long userId, string name) => new([DecisionRow(programmeId, userId, name)]);

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Coordinator))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        if (data.Arg(0) == "new")
        {
            if (context.Conversation is not null)
            {
                context.AnswerCallback(Html.ToPlainText(Texts.FinishDialogFirst.Value), alert: true);
                return;
            }
            await newSite.BeginAsync(context, context.Caller, cancellationToken);
            return;
        }
        var programme = data.LongArg(1) is { } id ? await internships.FindAsync(id, cancellationToken) : null;
        if (programme is null || !context.Caller.Coordinates(programme.District))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "r":
                await ShowRequestsAsync(context, programme, cancellationToken);
                return;
            case "ok" or "no" when data.LongArg(2) is { } userId:
                var confirm = data.Arg(0) == "ok";
                if (!await internships.DecideAsync(programme.Id, userId, confirm ? ParticipationStatus.Confirmed : ParticipationStatus.Declined, context.UserId, context.Now, cancellationToken))
                {
                    context.RemoveCallbackKeyboard();
                    context.AnswerCallback(NetworkingTexts.RequestAlreadyDecided);
                    return;
                }
                context.Outbox.Send(userId, confirm
                    ? NetworkingTexts.YouAreParticipant(programme.School, programme.Theme, programme.StartsOn, programme.EndsOn)
                    : NetworkingTexts.ParticipationDeclined(programme.School, programme.Theme));
                await ShowRequestsAsync(context, programme, cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    private async Task ShowRequestsAsync(UpdateContext context, InternshipProgramme programme, CancellationToken cancellationToken)
    {
        var waiting = new List<(long UserId, string Name, string School)>();
        var confirmed = new List<string>();
        foreach (var participant in await internships.ParticipantsAsync(programme.Id, cancellationToken))
        {
            if (await people.FindAsync(participant.UserId, cancellationToken) is not { } person)
            {
                continue;
            }
            if (participant.Status == ParticipationStatus.Requested)
            {
                waiting.Add((person.UserId, person.FullName, person.School));
            }
            else if (participant.Status == ParticipationStatus.Confirmed)
            {
                confirmed.Add($"{person.FullName}, {person.School}");
            }
        }
        var rows = waiting.Select(w => DecisionRow(programme.Id, w.UserId, w.Name)).ToList();
        context.EditOrReply(NetworkingTexts.SiteRequests(programme.School, programme.Theme, waiting.Select(w => $"{w.Name}, {w.School}").ToList(), confirmed),
            new InlineKeyboardMarkup(rows));
    }

    private static IReadOnlyList<InlineKeyboardButton> DecisionRow(long programmeId, long userId, string name) =>
    [
        InlineKeyboardButton.WithCallbackData(NetworkingTexts.ConfirmParticipantButton(MentorshipTexts.ShortName(name)), CallbackData.Build(Prefix, "ok", programmeId, userId)),
        InlineKeyboardButton.WithCallbackData(NetworkingTexts.DeclineParticipantButton, CallbackData.Build(Prefix, "no", programmeId, userId)),
    ];
}
