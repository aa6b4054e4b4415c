using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.InternshipSites;

/// <summary>/internships: the programmes of internship sites that have not ended, one's own district first, to ask to join.</summary>
public sealed class InternshipsCommand(InternshipList list) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("internships", "стажировочные площадки: программы и заявка на участие", Audience.Directors);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken) => list.ShowAsync(context, 1, cancellationToken);
}

/// <summary>A director's buttons: the list's pages and «ask to join», each checked against the programme as it is now.</summary>
public sealed class InternshipsCallback(
    InternshipList list,
    InternshipRepository internships,
    PeopleRepository people,
    CoordinatorRepository coordinators,
    Districts districts) : ICallbackHandler
{
    public static string Prefix => "site";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Directors))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "l" when data.LongArg(1) is { } page and <= int.MaxValue:
                await list.ShowAsync(context, (int)page, cancellationToken);
                return;
            case "j":
                await JoinAsync(context, data.LongArg(1), cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    private async Task JoinAsync(UpdateContext context, long? programmeId, CancellationToken cancellationToken)
    {
        var programme = programmeId is { } id ? await internships.FindAsync(id, cancellationToken) : null;
        var director = await people.FindAsync(context.UserId, cancellationToken);
        if (programme is null || director is null || !OpenProgrammes.IsOpen(programme, districts, context.Now))
        {
            context.AnswerCallback(NetworkingTexts.ProgrammeClosed, alert: true);
            return;
        }
        if (programme.HostId == context.UserId)
        {
            context.AnswerCallback(NetworkingTexts.YouHostThisProgramme, alert: true);
            return;
        }
        if (!await internships.RequestAsync(programme.Id, context.UserId, context.Now, cancellationToken))
        {
            var status = (await internships.ParticipationAsync(programme.Id, context.UserId, cancellationToken))?.Status;
            context.AnswerCallback(NetworkingTexts.AlreadyAskedToJoin(status), alert: true);
            return;
        }
        context.Reply(NetworkingTexts.JoinRequested(programme.School, programme.Theme));
        var region = districts.Find(programme.District)?.Region ?? "";
        foreach (var coordinator in await coordinators.CoveringAsync(programme.District, region, cancellationToken))
        {
            context.Outbox.Send(coordinator,
                NetworkingTexts.JoinRequestToCoordinator(director.FullName, director.School, districts.Name(director.District), programme.School, programme.Theme),
                SitesCallback.DecisionKeyboard(programme.Id, director.UserId, director.FullName));
        }
    }
}

/// <summary>The list of open programmes, ten a page, with «ask to join» where the viewer still can.</summary>
public sealed class InternshipList(InternshipRepository internships, PeopleRepository people, Taxonomy taxonomy, Districts districts)
{
    public async Task ShowAsync(UpdateContext context, int page, CancellationToken cancellationToken)
    {
        var viewer = await people.FindAsync(context.UserId, cancellationToken);
        var open = (await OpenProgrammes.ListAsync(internships, districts, context.Now, null, cancellationToken))
            .OrderByDescending(p => p.District == viewer?.District)
            .ThenBy(p => p.StartsOn)
            .ThenBy(p => p.Id)
            .ToList();
        if (open.Count == 0)
        {
            context.EditOrReply(NetworkingTexts.NoProgrammes);
            return;
        }
        if (!Pages.Exists(page, open.Count))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var lines = new List<HtmlText> { NetworkingTexts.ProgrammesHeader(open.Count, page, Pages.Count(open.Count)) };
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        var number = Pages.Offset(page);
        foreach (var programme in open.Skip(Pages.Offset(page)).Take(Pages.Size))
        {
            number++;
            var participation = await internships.ParticipationAsync(programme.Id, context.UserId, cancellationToken);
            var hosting = programme.HostId == context.UserId;
            lines.Add(NetworkingTexts.ProgrammeLine(number, programme.School, districts.Name(programme.District), programme.Theme,
                programme.StartsOn, programme.EndsOn, ProfileTexts.Listed(programme.Codes, taxonomy), hosting, participation?.Status));
            if (!hosting && participation is null)
            {
                rows.Add([InlineKeyboardButton.WithCallbackData(NetworkingTexts.JoinButton(number, programme.School), CallbackData.Build(InternshipsCallback.Prefix, "j", programme.Id))]);
            }
        }
        if (Pages.Navigation(page, open.Count, p => CallbackData.Build(InternshipsCallback.Prefix, "l", p)) is { Count: > 0 } navigation)
        {
            rows.Add(navigation);
        }
        context.EditOrReply(Html.Join("\n\n", lines), new InlineKeyboardMarkup(rows));
    }
}
