using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>/match_district: the engine's proposal for every unmatched young director in the coordinator's districts.</summary>
public sealed class MatchDistrictCommand(MatchRunRepository runs, DistrictMatchView view) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("match_district", "подобрать пары по району", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var runId = await runs.OpenRunAsync(context.UserId, context.Now, cancellationToken);
        await view.ShowAsync(context, runId, edit: false, cancellationToken);
    }
}

/// <summary>
/// Shaping and releasing a run: drop (mrun:d:run:mentee:mentor), pin (mrun:p:…), re-run (mrun:r:run), clear the
/// choices (mrun:c:run), release (mrun:go:run). Only the run's coordinator, only on a draft, only within their districts.
/// </summary>
public sealed class MatchRunCallback(MatchRunRepository runs, PeopleRepository people, DistrictMatchView view, MentorMatching matching, MentorshipFlow flow) : ICallbackHandler
{
    public static string Prefix => "mrun";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Coordinator) || data.LongArg(1) is not { } runId
            || !await runs.IsOpenDraftAsync(runId, context.UserId, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText(CoordinationTexts.MatchRunClosed.Value), alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "d" or "p" when data.LongArg(2) is { } menteeId && data.LongArg(3) is { } mentorId:
                if (!await InScopeAsync(context, menteeId, mentorId, cancellationToken))
                {
                    context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
                    return;
                }
                await runs.ChooseAsync(runId, new MatchRunPair(menteeId, mentorId, data.Arg(0) == "d" ? MatchRunChoice.Dropped : MatchRunChoice.Pinned), cancellationToken);
                await view.ShowAsync(context, runId, edit: true, cancellationToken);
                return;
            case "r":
                await view.ShowAsync(context, runId, edit: true, cancellationToken);
                return;
            case "c":
                await runs.ClearChoicesAsync(runId, cancellationToken);
                await view.ShowAsync(context, runId, edit: true, cancellationToken);
                return;
            case "go":
                await ReleaseAsync(context, runId, cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    private async Task<bool> InScopeAsync(UpdateContext context, long menteeId, long mentorId, CancellationToken cancellationToken) =>
        await people.FindAsync(menteeId, cancellationToken) is { } mentee && context.Caller.Coordinates(mentee.District)
        && await people.FindAsync(mentorId, cancellationToken) is { } mentor && context.Caller.Coordinates(mentor.District);

    /// <summary>The flagships get the requests, as if the coordinator had assigned each pair; each is checked afresh.</summary>
    private async Task ReleaseAsync(UpdateContext context, long runId, CancellationToken cancellationToken)
    {
        if (!await runs.ReleaseAsync(runId, context.Now, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText(CoordinationTexts.MatchRunClosed.Value));
            return;
        }
        var proposal = await matching.ProposeAsync(context.Caller.CoordinatorDistricts, await runs.ChoicesAsync(runId, cancellationToken), cancellationToken);
        var (sent, skipped) = (0, 0);
        foreach (var pair in proposal.Proposal.Pairs)
        {
            var mentee = proposal.People[MentorMatching.UserId(pair.MenteeId)];
            var mentor = proposal.People[MentorMatching.UserId(pair.MentorId)];
            if (PairingRules.CoordinatorMayPair(context.Caller, mentee, mentor)
                && await flow.SendRequestAsync(mentee, mentor, RequestOrigin.Coordinator, context.UserId, context.Now, cancellationToken) is null)
            {
                sent++;
            }
            else
            {
                skipped++;
            }
        }
        context.RemoveCallbackKeyboard();
        context.Reply(CoordinationTexts.MatchRunReleased(sent, skipped));
    }
}

/// <summary>Renders a run: its pairs with reasons and buttons, the unmatched with why, and whether it is proven optimal.</summary>
public sealed class DistrictMatchView(MatchRunRepository runs, MentorMatching matching, Districts districts)
{
    /// <summary>Buttons stay within what a chat can show; pairs beyond are listed without them.</summary>
    private const int MaxPairButtons = 15;
    private const int MaxEditableLength = 4000;

    public async Task ShowAsync(UpdateContext context, long runId, bool edit, CancellationToken cancellationToken)
    {
        var choices = await runs.ChoicesAsync(runId, cancellationToken);
        var (proposal, people) = await matching.ProposeAsync(context.Caller.CoordinatorDistricts, choices, cancellationToken);
        if (proposal.Pairs.Count == 0 && proposal.Unmatched.Count == 0)
        {
            context.Reply(CoordinationTexts.MatchRunNothing);
            return;
        }
        var scope = string.Join(", ", context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).Select(districts.Name));
        var lines = new List<HtmlText> { CoordinationTexts.MatchRunHeader(scope, proposal.Pairs.Count, proposal.Unmatched.Count) };
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        for (var i = 0; i < proposal.Pairs.Count; i++)
        {
            var pair = proposal.Pairs[i];
            var mentee = people[MentorMatching.UserId(pair.MenteeId)];
            var mentor = people[MentorMatching.UserId(pair.MentorId)];
            lines.Add(CoordinationTexts.MatchRunPair(i + 1, MentorshipTexts.ShortName(mentee.FullName), mentee.School,
                MentorshipTexts.ShortName(mentor.FullName), mentor.School, MentorshipTexts.Percent(pair.Score), pair.Reason, pair.Pinned));
            if (i < MaxPairButtons)
            {
                var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(
                [
                    InlineKeyboardButton.WithCallbackData("✕ " + number, CallbackData.Build(MatchRunCallback.Prefix, "d", runId, mentee.UserId, mentor.UserId)),
                    InlineKeyboardButton.WithCallbackData("📌 " + number, CallbackData.Build(MatchRunCallback.Prefix, "p", runId, mentee.UserId, mentor.UserId)),
                ]);
            }
        }
        if (proposal.Unmatched.Count > 0)
        {
            lines.Add(CoordinationTexts.MatchRunUnmatchedHeader);
            foreach (var unmatched in proposal.Unmatched)
            {
                var mentee = people[MentorMatching.UserId(unmatched.MenteeId)];
                lines.Add(CoordinationTexts.MatchRunUnmatched(MentorshipTexts.ShortName(mentee.FullName), mentee.School, unmatched.Reason));
            }
        }
        if (!proposal.Pruning.ProvenOptimal)
        {
            lines.Add(CoordinationTexts.MatchRunNotProvenOptimal);
        }
        rows.Add(
        [
            InlineKeyboardButton.WithCallbackData(CoordinationTexts.RerunButton, CallbackData.Build(MatchRunCallback.Prefix, "r", runId)),
            InlineKeyboardButton.WithCallbackData(CoordinationTexts.ClearChoicesButton, CallbackData.Build(MatchRunCallback.Prefix, "c", runId)),
        ]);
        if (proposal.Pairs.Count > 0)
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(CoordinationTexts.ReleaseButton, CallbackData.Build(MatchRunCallback.Prefix, "go", runId))]);
        }
        var text = Html.Join("\n\n", lines);
        // An edit cannot be split like a new message, so a long proposal comes as a new one.
        if (edit && text.Value.Length <= MaxEditableLength)
        {
            context.EditOrReply(text, new InlineKeyboardMarkup(rows));
        }
        else
        {
            context.Reply(text, new InlineKeyboardMarkup(rows));
        }
    }
}
