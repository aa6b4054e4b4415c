using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Matching.Scoring;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>/requests: the requests waiting for this flagship's answer.</summary>
public sealed class RequestsCommand(
    MentorRequestRepository requests, PeopleRepository people, MentorMatching matching, Taxonomy taxonomy, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("requests", "запросы, ждущие моего ответа", Audience.Flagship);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var pending = await requests.PendingForMentorAsync(context.UserId, cancellationToken);
        if (pending.Count == 0)
        {
            context.Reply(MentorshipTexts.NoPendingRequests);
            return;
        }
        context.Reply(MentorshipTexts.PendingRequestsHeader(pending.Count));
        foreach (var request in pending)
        {
            if (await people.FindAsync(request.MenteeId, cancellationToken) is { } mentee
                && await people.FindAsync(context.UserId, cancellationToken) is { } mentor)
            {
                var (_, reason) = await matching.ExplainAsync(mentee, mentor, Reader.Mentor, cancellationToken);
                context.Reply(
                    MentorshipTexts.RequestToFlagship(mentee, districts.Name(mentee.District), ProfileTexts.Numbered(mentee.Deficits, taxonomy),
                        ProfileTexts.Listed(mentee.Offers, taxonomy), reason, request.Origin == RequestOrigin.Coordinator),
                    MentorshipFlow.AnswerKeyboard(request.Id));
            }
        }
    }
}

/// <summary>/mentees: this flagship's current partnerships.</summary>
public sealed class MenteesCommand(PartnershipRepository partnerships, PeopleRepository people, MentorshipFlow flow) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("mentees", "мои подопечные", Audience.Flagship);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var active = await partnerships.ActiveOfMentorAsync(context.UserId, cancellationToken);
        if (active.Count == 0)
        {
            context.Reply(MentorshipTexts.NoMentees);
            return;
        }
        var lines = new List<HtmlText>();
        foreach (var partnership in active)
        {
            if (await people.FindAsync(partnership.MenteeId, cancellationToken) is { } mentee)
            {
                lines.Add(MentorshipTexts.MenteeLine(mentee, partnership, flow.Local(partnership.LastActivityAt, mentee)));
            }
        }
        context.Reply(Html.Lines(lines.Prepend(Html.Raw("<b>Ваши подопечные</b>")).Append(Html.Raw("Карточки — /partnership."))));
    }
}

/// <summary>/availability: a flagship pauses or resumes taking new mentees; pausing releases the waiting requests.</summary>
public sealed class AvailabilityCommand(PeopleRepository people, MentorshipFlow flow) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("availability", "принимать / не принимать новые запросы", Audience.Flagship);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var me = (await people.FindAsync(context.UserId, cancellationToken))!;
        await people.SetAvailabilityAsync(me.UserId, !me.IsAvailable, context.Now, cancellationToken);
        if (me.IsAvailable)
        {
            var released = await flow.ReleasePendingAsync(me.UserId, context.Now, cancellationToken);
            context.Reply(MentorshipTexts.NowUnavailable(released));
        }
        else
        {
            context.Reply(MentorshipTexts.NowAvailable);
        }
    }
}
