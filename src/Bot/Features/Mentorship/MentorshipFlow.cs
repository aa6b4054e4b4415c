using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Networking.Practices;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Matching.Scoring;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>
/// The life of a request: suggested, sent, accepted (a partnership opens) or declined, expired, withdrawn or released,
/// after which the young director is offered the next candidates. Every change is conditional on the current state.
/// </summary>
public sealed class MentorshipFlow(
    MentorRequestRepository requests,
    PartnershipRepository partnerships,
    PeopleRepository people,
    CoordinatorNotices coordinatorNotices,
    MentorMatching matching,
    PairingRules rules,
    Taxonomy taxonomy,
    Districts districts,
    OutboxWriter outbox,
    MentorshipReminders reminders,
    IOptions<MentorshipOptions> options,
    IPracticeSuggestions practices,
    DesignatedPairRepository designatedPairs)
{
    private MentorshipOptions Options => options.Value;

    public DateTimeOffset Local(DateTimeOffset instant, DirectorProfile person) =>
        TimeZoneInfo.ConvertTime(instant, districts.TimeZone(person.District));

    public DateOnly LocalDate(DateTimeOffset instant, DirectorProfile person) => DateOnly.FromDateTime(Local(instant, person).DateTime);

    /// <summary>
    /// Sends the young director the best candidates now, each with its reasons and a request button. When there are
    /// none: after a refusal (<paramref name="askCoordinatorIfNone"/>) the coordinator is asked at once and the young
    /// director is told so; otherwise the young director may ask the coordinator with a button.
    /// </summary>
    public async Task OfferSuggestionsAsync(
        DirectorProfile mentee, HtmlText? preface, CancellationToken cancellationToken, DateTimeOffset? askCoordinatorIfNone = null)
    {
        // A pair the forum designated is pending: no other mentor is suggested meanwhile.
        if (mentee.SchoolNumber is { } number && await designatedPairs.LiveOfYoungSchoolAsync(mentee.District, number, cancellationToken) is { } designated)
        {
            outbox.Send(mentee.UserId, preface is { } first ? first + Html.Raw("\n\n") + DesignatedPairTexts.PendingForMentee(designated) : DesignatedPairTexts.PendingForMentee(designated));
            return;
        }
        var result = await matching.SuggestAsync(mentee, cancellationToken);
        var practicesForDeficits = await practices.ForMenteeAsync(mentee, cancellationToken);
        var shown = result.Suggestions.Take(Options.SuggestionsShown).ToList();
        var coordinatorButton = InlineKeyboardButton.WithCallbackData(MentorshipTexts.CoordinatorChoiceButton, CallbackData.Build(RequestCallback.Prefix, "coord"));
        if (shown.Count == 0)
        {
            var reason = result.WhyNoneReason ?? "";
            InlineKeyboardMarkup? keyboard = new([[coordinatorButton]]);
            var none = MentorshipTexts.NoSuggestions(reason);
            if (askCoordinatorIfNone is { } now)
            {
                var asked = await PassToCoordinatorsAsync(mentee, now, MentorshipTexts.CoordinatorNeededNotice(mentee, districts.Name(mentee.District)), cancellationToken);
                none = asked ? MentorshipTexts.NoSuggestionsCoordinatorAsked(reason) : MentorshipTexts.NoSuggestionsCoordinatorKnows(reason);
                keyboard = null;
            }
            else if (await requests.WantsCoordinatorChoiceAsync(mentee.UserId, cancellationToken))
            {
                none = MentorshipTexts.NoSuggestionsCoordinatorKnows(reason);
                keyboard = null;
            }
            var text = Html.Join("\n\n", [.. preface is { } before ? [before] : Array.Empty<HtmlText>(), none, .. practicesForDeficits]);
            outbox.Send(mentee.UserId, text, keyboard);
            return;
        }
        var lines = new List<HtmlText>();
        if (preface is { } intro)
        {
            lines.Add(intro);
        }
        lines.Add(MentorshipTexts.SuggestionsHeader);
        var buttons = new List<IReadOnlyList<InlineKeyboardButton>>();
        for (var i = 0; i < shown.Count; i++)
        {
            var flagship = await people.FindAsync(MentorMatching.UserId(shown[i].MentorId), cancellationToken);
            if (flagship is null)
            {
                continue;
            }
            lines.Add(MentorshipTexts.Suggestion(i + 1, flagship, districts.Name(flagship.District), shown[i].Score, shown[i].Reason));
            buttons.Add([InlineKeyboardButton.WithCallbackData(MentorshipTexts.RequestButton(flagship), CallbackData.Build(RequestCallback.Prefix, "new", flagship.UserId))]);
        }
        lines.AddRange(practicesForDeficits);
        lines.Add(MentorshipTexts.SuggestionsFooter);
        buttons.Add([coordinatorButton]);
        outbox.Send(mentee.UserId, Html.Join("\n\n", lines), new InlineKeyboardMarkup(buttons));
    }

    /// <summary>
    /// Creates the request and tells the flagship, after checking every hard rule of the pair afresh; returns why not,
    /// or null when it was sent.
    /// </summary>
    public async Task<HtmlText?> SendRequestAsync(
        DirectorProfile mentee, DirectorProfile? mentor, RequestOrigin origin, long? proposedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await rules.BrokenAsync(mentee, mentor, cancellationToken) is { } broken)
        {
            return broken switch
            {
                PairingRule.MenteeRole => Texts.NotAllowed,
                PairingRule.Designated => DesignatedPairTexts.RequestBlockedByDesignated,
                _ => MentorshipTexts.AssignMentorUnavailable,
            };
        }
        // The young director's words are stored for their acceptance message; the flagship reads the same facts in theirs.
        var (score, reason) = await matching.ExplainAsync(mentee, mentor!, Reader.Mentee, cancellationToken);
        var (_, reasonToMentor) = await matching.ExplainAsync(mentee, mentor!, Reader.Mentor, cancellationToken);
        var expires = now + reminders.RequestExpiry;
        var id = await requests.CreateAsync(mentee.UserId, mentor!.UserId, origin, proposedBy, score, reason, now, expires, cancellationToken);
        if (id is not { } requestId)
        {
            return MentorshipTexts.AssignMenteeBusy;
        }
        await reminders.ScheduleRequestAsync((await requests.FindAsync(requestId, cancellationToken))!, cancellationToken);
        outbox.Send(mentor.UserId,
            MentorshipTexts.RequestToFlagship(mentee, districts.Name(mentee.District), ProfileTexts.Numbered(mentee.Deficits, taxonomy),
                ProfileTexts.Listed(mentee.Offers, taxonomy), reasonToMentor, origin == RequestOrigin.Coordinator),
            AnswerKeyboard(requestId));
        if (origin == RequestOrigin.Mentee)
        {
            outbox.Send(mentee.UserId, MentorshipTexts.RequestSent(mentor, Local(expires, mentee)),
                new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(MentorshipTexts.WithdrawButton, CallbackData.Build(RequestCallback.Prefix, "wd", requestId))]]));
        }
        return null;
    }

    public static InlineKeyboardMarkup AnswerKeyboard(long requestId) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(MentorshipTexts.AcceptButton, CallbackData.Build(RequestCallback.Prefix, "acc", requestId)),
            InlineKeyboardButton.WithCallbackData(MentorshipTexts.DeclineButton, CallbackData.Build(RequestCallback.Prefix, "dec", requestId)),
        ],
    ]);

    /// <summary>
    /// The flagship accepts: the partnership opens only while they have a free place, and only if the request is
    /// still pending; both sides then get each other's contact.
    /// </summary>
    public async Task<HtmlText?> AcceptAsync(MentorRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mentor = await people.FindAsync(request.MentorId, cancellationToken);
        var mentee = await people.FindAsync(request.MenteeId, cancellationToken);
        if (mentor is null || mentee is null)
        {
            return MentorshipTexts.RequestNoLongerPending;
        }
        // Capacity is checked below in the same step as the partnership opens; every other rule is checked here, since
        // the request may have been forged, or the pair may have stopped fitting (a new district, a withdrawn approval).
        if (await rules.BrokenAsync(mentee, mentor, cancellationToken) is { } broken and not PairingRule.Capacity)
        {
            if (await requests.CloseAsync(request.Id, RequestStatus.Released, null, now, cancellationToken) && broken != PairingRule.MenteeRole)
            {
                await OfferSuggestionsAsync(mentee, MentorshipTexts.RequestNoLongerPossible(mentor), cancellationToken);
            }
            return MentorshipTexts.RequestBreaksRules(broken);
        }
        // Closing first makes a second accept, or an accept racing a withdrawal, find the request answered.
        if (!await requests.CloseAsync(request.Id, RequestStatus.Accepted, null, now, cancellationToken))
        {
            return MentorshipTexts.RequestNoLongerPending;
        }
        var startsOn = LocalDate(now, mentee);
        var endsOn = startsOn.AddMonths(Options.AgreementMonths);
        var partnershipId = await partnerships.OpenWithinCapacityAsync(
            mentee.UserId, mentor.UserId, request.Id, mentor.Capacity, mentee.Deficits, startsOn, endsOn, now, cancellationToken);
        if (partnershipId is null)
        {
            // No free place, or the young director got another mentor meanwhile: the request waits again, in the same transaction.
            await requests.ReopenAsync(request.Id, cancellationToken);
            return await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken) is null
                ? MentorshipTexts.NoFreePlace(mentor.Capacity)
                : MentorshipTexts.RequestNoLongerPending;
        }
        await requests.ClearCoordinatorChoiceAsync(mentee.UserId, cancellationToken);
        await reminders.SchedulePartnershipAsync((await partnerships.FindAsync(partnershipId.Value, cancellationToken))!, now, cancellationToken);
        var meeting = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(MentorshipTexts.MeetingButton, CallbackData.Build(PartnershipCallback.Prefix, "meet", partnershipId))]]);
        outbox.Send(mentor.UserId, MentorshipTexts.AcceptedToMentor(mentee, startsOn, endsOn), meeting);
        outbox.Send(mentee.UserId, MentorshipTexts.AcceptedToMentee(mentor, request.Reason, request.Origin == RequestOrigin.Coordinator, startsOn, endsOn), meeting);
        return null;
    }

    /// <summary>
    /// Opens the partnership of a designated pair both directors confirmed, as an accepted request would: a one-year
    /// agreement with the young director's deficits as goals, and its reminders. Null when the flagship has no free
    /// place or the young director got a mentor meanwhile. A request of the young director's still waiting elsewhere is
    /// withdrawn, and its flagship told.
    /// </summary>
    public async Task<Partnership?> OpenDesignatedAsync(DirectorProfile mentee, DirectorProfile mentor, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requestId = await requests.CreateAnsweredAsync(mentee.UserId, mentor.UserId, RequestOrigin.Resolution, RequestStatus.Accepted, reason, now, cancellationToken);
        var startsOn = LocalDate(now, mentee);
        var partnershipId = await partnerships.OpenWithinCapacityAsync(
            mentee.UserId, mentor.UserId, requestId, mentor.Capacity, mentee.Deficits, startsOn, startsOn.AddMonths(Options.AgreementMonths), now, cancellationToken);
        if (partnershipId is null)
        {
            await requests.ReleaseAnsweredAsync(requestId, cancellationToken);
            return null;
        }
        if (await requests.PendingOfMenteeAsync(mentee.UserId, cancellationToken) is { } pending
            && await requests.CloseAsync(pending.Id, RequestStatus.Withdrawn, null, now, cancellationToken))
        {
            outbox.Send(pending.MentorId, MentorshipTexts.WithdrawnToFlagship(mentee));
        }
        await requests.ClearCoordinatorChoiceAsync(mentee.UserId, cancellationToken);
        var partnership = (await partnerships.FindAsync(partnershipId.Value, cancellationToken))!;
        await reminders.SchedulePartnershipAsync(partnership, now, cancellationToken);
        return partnership;
    }

    /// <summary>The flagship declined a designated pair: like a declined request, they are not offered to this young director again.</summary>
    public Task RecordDesignatedRefusalAsync(DirectorProfile mentee, DirectorProfile mentor, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        requests.CreateAnsweredAsync(mentee.UserId, mentor.UserId, RequestOrigin.Resolution, RequestStatus.Declined, reason, now, cancellationToken);

    public async Task<bool> DeclineAsync(MentorRequest request, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await requests.CloseAsync(request.Id, RequestStatus.Declined, reason, now, cancellationToken))
        {
            return false;
        }
        await OfferNextAsync(request, mentor => MentorshipTexts.Declined(mentor, reason), now, cancellationToken);
        return true;
    }

    /// <summary>Expires a request nobody answered in time; the young director gets the next candidates.</summary>
    public async Task<bool> ExpireAsync(MentorRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.ExpiresAt > now || !await requests.CloseAsync(request.Id, RequestStatus.Expired, null, now, cancellationToken))
        {
            return false;
        }
        if (await people.FindAsync(request.MenteeId, cancellationToken) is { } mentee)
        {
            outbox.Send(request.MentorId, MentorshipTexts.ExpiredToFlagship(mentee));
        }
        await OfferNextAsync(request, MentorshipTexts.Expired, now, cancellationToken);
        return true;
    }

    /// <summary>The flagship paused: their pending requests go back to the young directors with the next candidates.</summary>
    public async Task<int> ReleasePendingAsync(long mentorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var request in await requests.PendingForMentorAsync(mentorId, cancellationToken))
        {
            if (await requests.CloseAsync(request.Id, RequestStatus.Released, null, now, cancellationToken))
            {
                released++;
                await OfferNextAsync(request, MentorshipTexts.Released, now, cancellationToken);
            }
        }
        return released;
    }

    /// <summary>Passes the young director's wish to the district's coordinators; false, and nothing sent, when it was already passed.</summary>
    public async Task<bool> AskCoordinatorAsync(DirectorProfile mentee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await PassToCoordinatorsAsync(mentee, now, MentorshipTexts.CoordinatorChoiceNotice(mentee, districts.Name(mentee.District)), cancellationToken))
        {
            return false;
        }
        outbox.Send(mentee.UserId, MentorshipTexts.CoordinatorChoiceRequested);
        return true;
    }

    private async Task<bool> PassToCoordinatorsAsync(DirectorProfile mentee, DateTimeOffset now, HtmlText notice, CancellationToken cancellationToken)
    {
        if (!await requests.WishCoordinatorChoiceAsync(mentee.UserId, now, cancellationToken))
        {
            return false;
        }
        await coordinatorNotices.TellAsync(mentee.District, notice, cancellationToken);
        return true;
    }

    private async Task OfferNextAsync(MentorRequest request, Func<DirectorProfile, HtmlText> why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mentee = await people.FindAsync(request.MenteeId, cancellationToken);
        var mentor = await people.FindAsync(request.MentorId, cancellationToken);
        if (mentee is not null && mentor is not null)
        {
            await OfferSuggestionsAsync(mentee, why(mentor), cancellationToken, askCoordinatorIfNone: now);
        }
    }
}
