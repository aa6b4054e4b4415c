using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.DesignatedPairs;

/// <summary>
/// Proposes each waiting pair of a district the moment both its directors are there: after an import, a registration,
/// a profile's new school, a flagship's approval. Safe to call any number of times: a pair is proposed once.
/// </summary>
public sealed class DesignatedPairProposals(
    DesignatedPairRepository pairs,
    PeopleRepository people,
    PartnershipRepository partnerships,
    CoordinatorNotices coordinatorNotices,
    OutboxWriter outbox)
{
    public const string ConfirmValue = "ok";
    public const string DeclineValue = "no";

    /// <summary>Proposes what can be proposed now; returns how many pairs were proposed.</summary>
    public async Task<int> ProposeReadyAsync(string district, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await pairs.LiveAsync([district], cancellationToken);
        var proposedTo = live.Where(v => v.Pair.Status == DesignatedPairStatus.Proposed && v.Pair.MentorId is not null)
            .GroupBy(v => v.Pair.MentorId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var proposed = 0;
        foreach (var (pair, flagshipId, youngId) in live)
        {
            if (pair.Status != DesignatedPairStatus.Waiting || flagshipId is not { } mentorId || youngId is not { } menteeId
                || await people.FindAsync(mentorId, cancellationToken) is not { IsApprovedFlagship: true } mentor
                || await people.FindAsync(menteeId, cancellationToken) is not { } mentee)
            {
                continue;
            }
            if (await partnerships.ActiveOfMenteeAsync(menteeId, cancellationToken) is { } partnership)
            {
                if (partnership.MentorId == mentorId && await pairs.MoveAsync(pair.Id, [DesignatedPairStatus.Waiting], DesignatedPairStatus.Started, now, cancellationToken))
                {
                    await pairs.SetPartnershipAsync(pair.Id, partnership.Id, cancellationToken);
                }
                else if (partnership.MentorId != mentorId && await pairs.MoveAsync(pair.Id, [DesignatedPairStatus.Waiting], DesignatedPairStatus.Released, now, cancellationToken))
                {
                    await coordinatorNotices.TellAsync(district, DesignatedPairTexts.ReleasedHasMentor(pair, mentee), cancellationToken);
                }
                continue;
            }
            var taken = await partnerships.ActiveCountOfMentorAsync(mentorId, cancellationToken) + proposedTo.GetValueOrDefault(mentorId);
            if (taken >= mentor.Capacity)
            {
                if (await pairs.MoveAsync(pair.Id, [DesignatedPairStatus.Waiting], DesignatedPairStatus.Released, now, cancellationToken))
                {
                    await coordinatorNotices.TellAsync(district, DesignatedPairTexts.ReleasedNoPlace(pair, mentor), cancellationToken);
                    outbox.Send(menteeId, DesignatedPairTexts.ReleasedNoPlaceToMentee(pair));
                }
                continue;
            }
            if (!await pairs.ProposeAsync(pair.Id, mentorId, menteeId, now, cancellationToken))
            {
                continue;
            }
            proposedTo[mentorId] = proposedTo.GetValueOrDefault(mentorId) + 1;
            proposed++;
            outbox.Send(menteeId, DesignatedPairTexts.ProposalToMentee(pair, mentor), AnswerKeyboard(pair.Id));
            outbox.Send(mentorId, DesignatedPairTexts.ProposalToMentor(pair, mentee), AnswerKeyboard(pair.Id));
        }
        return proposed;
    }

    /// <summary>A pair the coordinator's new list no longer has: the directors it was proposed to are told.</summary>
    public void TellWithdrawn(DesignatedPair pair)
    {
        if (pair.Status != DesignatedPairStatus.Proposed)
        {
            return;
        }
        foreach (var userId in new[] { pair.MentorId, pair.MenteeId }.OfType<long>())
        {
            outbox.Send(userId, DesignatedPairTexts.Withdrawn(pair, pair.SideOf(userId)!.Value));
        }
    }

    /// <summary>A director just registered (or changed school): what their school's waiting pair means for them.</summary>
    public async Task TellWaitingAsync(DirectorProfile person, CancellationToken cancellationToken)
    {
        if (person.SchoolNumber is not { } number)
        {
            return;
        }
        var waiting = (await pairs.LiveAsync([person.District], cancellationToken)).Where(v => v.Pair.Status == DesignatedPairStatus.Waiting).ToList();
        if (person.Role == DirectorRole.Young && waiting.FirstOrDefault(v => v.Pair.YoungNumber == number && v.YoungUserId == person.UserId) is { } mine)
        {
            outbox.Send(person.UserId, DesignatedPairTexts.WaitingToMentee(mine.Pair));
        }
        var supported = waiting.Where(v => v.Pair.FlagshipNumber == number && v.FlagshipUserId == person.UserId).Select(v => v.Pair).ToList();
        if (person.Role == DirectorRole.Flagship && supported.Count > 0)
        {
            outbox.Send(person.UserId, DesignatedPairTexts.WaitingToMentor(number, supported, person.Status == ProfileStatus.Approved));
        }
    }

    public static InlineKeyboardMarkup AnswerKeyboard(long pairId) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(DesignatedPairTexts.ConfirmButton, CallbackData.Build(DesignatedPairCallback.Prefix, ConfirmValue, pairId)),
            InlineKeyboardButton.WithCallbackData(DesignatedPairTexts.DeclineButton, CallbackData.Build(DesignatedPairCallback.Prefix, DeclineValue, pairId)),
        ],
    ]);
}
