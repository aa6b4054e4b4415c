using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Matching.Scoring;
using Telegram.Bot.Types.ReplyMarkups;

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

/// <summary>/availability: shows whether the flagship takes new mentees and asks before changing it.</summary>
public sealed class AvailabilityCommand(PeopleRepository people, MentorRequestRepository requests) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("availability", "принимать / не принимать новые запросы", Audience.Flagship);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var me = (await people.FindAsync(context.UserId, cancellationToken))!;
        if (me.IsAvailable)
        {
            var pending = (await requests.PendingForMentorAsync(me.UserId, cancellationToken)).Count;
            context.Reply(MentorshipTexts.AvailableNow(pending), Keyboard(MentorshipTexts.PauseButton, AvailabilityCallback.Off));
        }
        else
        {
            context.Reply(MentorshipTexts.UnavailableNow, Keyboard(MentorshipTexts.ResumeButton, AvailabilityCallback.On));
        }
    }

    private static InlineKeyboardMarkup Keyboard(string label, string target) => new(
    [
        [InlineKeyboardButton.WithCallbackData(label, CallbackData.Build(AvailabilityCallback.Prefix, target))],
        [InlineKeyboardButton.WithCallbackData(MentorshipTexts.KeepAvailabilityButton, CallbackData.Build(AvailabilityCallback.Prefix, AvailabilityCallback.Keep))],
    ]);
}

/// <summary>
/// The answer to /availability (avail:on|off|keep). The button names the state wanted, not a toggle, so a second press,
/// or a press after the state changed elsewhere, changes nothing and says how things are.
/// </summary>
public sealed class AvailabilityCallback(PeopleRepository people, MentorshipFlow flow) : ICallbackHandler
{
    public const string On = "on";
    public const string Off = "off";
    public const string Keep = "keep";

    public static string Prefix => "avail";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Flagship) || await people.FindAsync(context.UserId, cancellationToken) is not { } me)
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case Off when me.IsAvailable:
                await people.SetAvailabilityAsync(me.UserId, false, context.Now, cancellationToken);
                context.EditOrReply(MentorshipTexts.NowUnavailable(await flow.ReleasePendingAsync(me.UserId, context.Now, cancellationToken)));
                return;
            case On when !me.IsAvailable:
                await people.SetAvailabilityAsync(me.UserId, true, context.Now, cancellationToken);
                context.EditOrReply(MentorshipTexts.NowAvailable);
                return;
            case Off or On or Keep:
                context.EditOrReply(me.IsAvailable ? MentorshipTexts.StillAvailable : MentorshipTexts.StillUnavailable);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }
}
