using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.DesignatedPairs;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>/approvals: pending flagships in the coordinator's districts, each with Approve and Reject.</summary>
public sealed class ApprovalsCommand(PeopleRepository people, SchoolRepository schools, Taxonomy taxonomy, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("approvals", "заявки флагманов на подтверждение", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var pending = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Pending], context.Caller.CoordinatorDistricts.ToList(), cancellationToken);
        if (pending.Count == 0)
        {
            context.Reply(CoordinationTexts.NoPendingApprovals);
            return;
        }
        context.Reply(CoordinationTexts.PendingHeader(pending.Count));
        foreach (var applicant in pending)
        {
            var card = ProfileTexts.Card(applicant, taxonomy, districts);
            // The registry's word is shown, not acted on: approval stays the coordinator's decision.
            if (applicant.SchoolNumber is { } number && await schools.FindAsync(applicant.District, number, cancellationToken) is { Status: Schools.RegistryStatus.Flagship })
            {
                card += Html.Raw("\n\n") + SchoolTexts.RegistryMarksFlagship(number);
            }
            context.Reply(card, new InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton.WithCallbackData(CoordinationTexts.ApproveButton, CallbackData.Build(ApprovalCallback.Prefix, "ok", applicant.UserId)),
                    InlineKeyboardButton.WithCallbackData(CoordinationTexts.RejectButton, CallbackData.Build(ApprovalCallback.Prefix, "no", applicant.UserId)),
                ],
            ]));
        }
    }
}

/// <summary>Approve or reject a pending flagship; checked against the caller's districts and the applicant's current status.</summary>
public sealed class ApprovalCallback(PeopleRepository people, RejectionDialog rejection, DesignatedPairProposals designatedPairs) : ICallbackHandler
{
    public static string Prefix => "appr";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (await FindReviewableAsync(people, context, data.LongArg(1), cancellationToken) is not { } applicant)
        {
            return;
        }
        switch (data.Arg(0))
        {
            case "ok":
                await people.ReviewAsync(applicant.UserId, ProfileStatus.Approved, context.UserId, null, context.Now, cancellationToken);
                context.EditOrReply(CoordinationTexts.Approved(applicant.FullName));
                context.Outbox.Send(applicant.UserId, CoordinationTexts.YouWereApproved);
                // A pair the forum designated for the flagship's school waited for this approval.
                await designatedPairs.ProposeReadyAsync(applicant.District, context.Now, cancellationToken);
                await designatedPairs.TellWaitingAsync(applicant with { Status = ProfileStatus.Approved }, cancellationToken);
                return;
            case "no":
                context.RemoveCallbackKeyboard();
                await rejection.BeginAsync(context, new RejectionDraft(applicant.UserId, applicant.FullName), cancellationToken: cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    /// <summary>The applicant if the caller coordinates their district and they are still pending; otherwise says why not.</summary>
    public static async Task<DirectorProfile?> FindReviewableAsync(PeopleRepository people, UpdateContext context, long? applicantId, CancellationToken cancellationToken)
    {
        var applicant = applicantId is { } id ? await people.FindAsync(id, cancellationToken) : null;
        if (applicant is null || applicant.Role != DirectorRole.Flagship || !context.Caller.Coordinates(applicant.District))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return null;
        }
        if (applicant.Status != ProfileStatus.Pending)
        {
            context.AnswerCallback(Html.ToPlainText(CoordinationTexts.AlreadyReviewed.Value));
            context.RemoveCallbackKeyboard();
            return null;
        }
        return applicant;
    }
}
