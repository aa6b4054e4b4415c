using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>
/// The request buttons: send (to a suggested flagship), let the coordinator choose, withdraw, accept, decline. Each
/// checks that the caller is the right side of this very request and that the request is still pending.
/// </summary>
public sealed class RequestCallback(
    PeopleRepository people,
    PartnershipRepository partnerships,
    MentorRequestRepository requests,
    MentorshipFlow flow,
    DeclineDialog declineDialog) : ICallbackHandler
{
    public static string Prefix => "req";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        switch (data.Arg(0))
        {
            case "new" when context.Caller.Is(Audience.Young):
                await SendAsync(context, data.LongArg(1), cancellationToken);
                return;
            case "coord" when context.Caller.Is(Audience.Young):
                await AskCoordinatorAsync(context, cancellationToken);
                return;
            case "wd":
                await WithdrawAsync(context, data.LongArg(1), cancellationToken);
                return;
            case "acc" when context.Caller.Is(Audience.Flagship):
                if (await AddressedRequestAsync(context, data.LongArg(1), cancellationToken) is { } toAccept)
                {
                    var refusal = await flow.AcceptAsync(toAccept, context.Now, cancellationToken);
                    if (refusal is { } why)
                    {
                        context.AnswerCallback(Html.ToPlainText(why.Value), alert: true);
                        return;
                    }
                    context.RemoveCallbackKeyboard();
                }
                return;
            case "dec" when context.Caller.Is(Audience.Flagship):
                if (await AddressedRequestAsync(context, data.LongArg(1), cancellationToken) is { } toDecline
                    && await people.FindAsync(toDecline.MenteeId, cancellationToken) is { } mentee)
                {
                    context.RemoveCallbackKeyboard();
                    await declineDialog.BeginAsync(context, new DeclineDraft(toDecline.Id, mentee.FullName), cancellationToken: cancellationToken);
                }
                return;
            default:
                context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
                return;
        }
    }

    /// <summary>The pending request addressed to the caller, or null after telling them why not.</summary>
    public static async Task<MentorRequest?> AddressedRequestAsync(
        MentorRequestRepository requests, UpdateContext context, long? requestId, CancellationToken cancellationToken)
    {
        var request = requestId is { } id ? await requests.FindAsync(id, cancellationToken) : null;
        if (request is null || request.MentorId != context.UserId)
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.NotYourRequest.Value), alert: true);
            return null;
        }
        if (request.Status != RequestStatus.Pending)
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.RequestNoLongerPending.Value));
            return null;
        }
        return request;
    }

    private Task<MentorRequest?> AddressedRequestAsync(UpdateContext context, long? requestId, CancellationToken cancellationToken) =>
        AddressedRequestAsync(requests, context, requestId, cancellationToken);

    private async Task SendAsync(UpdateContext context, long? mentorId, CancellationToken cancellationToken)
    {
        var mentee = (await people.FindAsync(context.UserId, cancellationToken))!;
        if (await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken) is not null
            || await requests.PendingOfMenteeAsync(mentee.UserId, cancellationToken) is not null)
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.AssignMenteeBusy.Value), alert: true);
            return;
        }
        var mentor = mentorId is { } id ? await people.FindAsync(id, cancellationToken) : null;
        if (await flow.SendRequestAsync(mentee, mentor, RequestOrigin.Mentee, null, context.Now, cancellationToken) is { } why)
        {
            context.AnswerCallback(Html.ToPlainText(why.Value), alert: true);
            return;
        }
        context.RemoveCallbackKeyboard();
    }

    /// <summary>A button from an old list of suggestions, or a second press, neither asks the coordinator again.</summary>
    private async Task AskCoordinatorAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var mentee = (await people.FindAsync(context.UserId, cancellationToken))!;
        if (await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken) is not null
            || await requests.PendingOfMenteeAsync(mentee.UserId, cancellationToken) is not null)
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.MenteeBusy.Value), alert: true);
            return;
        }
        context.RemoveCallbackKeyboard();
        if (!await flow.AskCoordinatorAsync(mentee, context.Now, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.CoordinatorChoiceAlreadyRequested.Value));
        }
    }

    private async Task WithdrawAsync(UpdateContext context, long? requestId, CancellationToken cancellationToken)
    {
        var request = requestId is { } id ? await requests.FindAsync(id, cancellationToken) : null;
        if (request is null || request.MenteeId != context.UserId)
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.NotYourRequest.Value), alert: true);
            return;
        }
        context.RemoveCallbackKeyboard();
        if (!await requests.CloseAsync(request.Id, RequestStatus.Withdrawn, null, context.Now, cancellationToken))
        {
            context.AnswerCallback(Html.ToPlainText(MentorshipTexts.RequestNoLongerPending.Value));
            return;
        }
        context.Reply(MentorshipTexts.Withdrawn);
        if (await people.FindAsync(context.UserId, cancellationToken) is { } mentee)
        {
            context.Outbox.Send(request.MentorId, MentorshipTexts.WithdrawnToFlagship(mentee));
        }
    }
}
