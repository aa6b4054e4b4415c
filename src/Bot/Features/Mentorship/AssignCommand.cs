using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Matching.Suggestions;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>
/// /assign: a coordinator proposes a pair directly, as a forum resolution does. The flagship confirms it like a
/// request; the young director hears who their mentor is and why once it is accepted.
/// </summary>
public sealed class AssignCommand(AssignmentChoices assignment) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("assign", "назначить пару вручную", Audience.Coordinator);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken) =>
        assignment.ShowMenteesAsync(context, cancellationToken);
}

/// <summary>The buttons of /assign: a young director (asg:m:id), then a flagship (asg:p:mentee:mentor).</summary>
public sealed class AssignCallback(AssignmentChoices assignment, PeopleRepository people, MentorshipFlow flow) : ICallbackHandler
{
    public static string Prefix => "asg";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var mentee = data.LongArg(1) is { } menteeId ? await people.FindAsync(menteeId, cancellationToken) : null;
        if (mentee is not { Role: DirectorRole.Young } || !context.Caller.Coordinates(mentee.District))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        if (!await assignment.IsUnmatchedAsync(mentee.UserId, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.AssignMenteeBusy.Value), alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "m":
                await assignment.ShowMentorsAsync(context, mentee, cancellationToken);
                return;
            case "p":
                var mentor = data.LongArg(2) is { } mentorId ? await people.FindAsync(mentorId, cancellationToken) : null;
                if (mentor is null || !PairingRules.CoordinatorMayPair(context.Caller, mentee, mentor))
                {
                    context.AnswerCallback(Html.ToPlainText(Texts.NotAllowed.Value), alert: true);
                    return;
                }
                if (await flow.SendRequestAsync(mentee, mentor, RequestOrigin.Coordinator, context.UserId, context.Now, cancellationToken) is { } why)
                {
                    context.AnswerCallback(Html.ToPlainText(why.Value), alert: true);
                    return;
                }
                context.RemoveCallbackKeyboard();
                context.Reply(MentorshipTexts.AssignProposed(mentee, mentor));
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }
}

/// <summary>
/// What /assign offers: the unmatched young directors in scope, then every available flagship of the coordinator's
/// districts with a free place, best score first, those the engine would not suggest marked with the reason.
/// </summary>
public sealed class AssignmentChoices(
    PeopleRepository people, PartnershipRepository partnerships, MentorRequestRepository requests, MentorMatching matching, Districts districts,
    DesignatedPairRepository designatedPairs)
{
    private const int MaxButtons = 40;
    private const int MaxMentors = 20;

    public async Task<bool> IsUnmatchedAsync(long menteeId, CancellationToken cancellationToken) =>
        await partnerships.ActiveOfMenteeAsync(menteeId, cancellationToken) is null
        && await requests.PendingOfMenteeAsync(menteeId, cancellationToken) is null;

    public async Task ShowMenteesAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var young = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], context.Caller.CoordinatorDistricts.ToList(), cancellationToken);
        var unmatched = new List<DirectorProfile>();
        // Those whose designated pair is pending wait for it.
        var designated = (await designatedPairs.LiveAsync(context.Caller.CoordinatorDistricts.ToList(), cancellationToken)).Select(v => v.YoungUserId).OfType<long>().ToHashSet();
        foreach (var mentee in young)
        {
            if (!designated.Contains(mentee.UserId) && await IsUnmatchedAsync(mentee.UserId, cancellationToken))
            {
                unmatched.Add(mentee);
            }
        }
        if (unmatched.Count == 0)
        {
            context.Reply(MentorshipTexts.AssignNoMentees);
            return;
        }
        context.Reply(MentorshipTexts.AssignChooseMentee, new InlineKeyboardMarkup(unmatched.Take(MaxButtons)
            .Select(m => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(MentorshipTexts.PersonButton(m), CallbackData.Build(AssignCallback.Prefix, "m", m.UserId))])
            .ToList()));
    }

    public async Task ShowMentorsAsync(UpdateContext context, DirectorProfile mentee, CancellationToken cancellationToken)
    {
        var ranked = await matching.RankAsync(mentee, cancellationToken);
        // Refused pairs cannot be proposed again (the flagship said no, or let the request lapse); they are only counted.
        var refused = ranked.Count(r => r.Miss == ShortlistMiss.DeclinedOrExcluded);
        var lines = new List<HtmlText> { MentorshipTexts.AssignChooseMentor(mentee) };
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        foreach (var option in ranked.Where(r => r.Miss is not (ShortlistMiss.NoFreePlace or ShortlistMiss.DeclinedOrExcluded)))
        {
            if (rows.Count == MaxMentors)
            {
                break;
            }
            if (await people.FindAsync(MentorMatching.UserId(option.MentorId), cancellationToken) is { } mentor
                && context.Caller.Coordinates(mentor.District))
            {
                var notSuggested = option.Miss is { } miss ? ShortlistMisses.Text(miss, matching.ShortlistSize) : null;
                lines.Add(MentorshipTexts.AssignMentorLine(rows.Count + 1, mentor, districts.Name(mentor.District), option.Score, option.Reason, notSuggested));
                rows.Add([InlineKeyboardButton.WithCallbackData(MentorshipTexts.MentorOption(rows.Count + 1, mentor, option.Score),
                    CallbackData.Build(AssignCallback.Prefix, "p", mentee.UserId, mentor.UserId))]);
            }
        }
        if (rows.Count == 0)
        {
            context.EditOrReply(MentorshipTexts.AssignNoMentors(mentee, refused));
            return;
        }
        if (refused > 0)
        {
            lines.Add(MentorshipTexts.AssignRefusedHidden(refused));
        }
        context.EditOrReply(Html.Join("\n\n", lines), new InlineKeyboardMarkup(rows));
    }
}
