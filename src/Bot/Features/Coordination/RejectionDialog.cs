using System.Text.Json.Serialization;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Coordination;

public sealed record RejectionDraft(long ApplicantId, string ApplicantName, string? Reason = null);

[JsonSerializable(typeof(RejectionDraft))]
internal sealed partial class RejectionJsonContext : JsonSerializerContext;

/// <summary>The reason for rejecting a flagship: chosen from a short list or typed. The applicant is told it.</summary>
public sealed class RejectionDialog(ConversationRepository conversations, PeopleRepository people)
    : Dialog<RejectionDraft>(conversations, RejectionJsonContext.Default.RejectionDraft), IConversation
{
    public const int MaxReasonLength = 300;

    public static string Name => "reject";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<RejectionDraft>> Steps { get; } =
    [
        ReasonStep.Of<RejectionDraft>("reason", draft => CoordinationTexts.AskRejectionReason(draft.ApplicantName), CoordinationTexts.RejectionReasons,
            MaxReasonLength, noReasonButton: null, (draft, reason) => draft with { Reason = reason }),
    ];

    protected override async Task CompleteAsync(UpdateContext context, RejectionDraft draft, CancellationToken cancellationToken)
    {
        var reason = draft.Reason ?? "";
        // Checked again at the end: the applicant may have been reviewed by someone else meanwhile.
        if (await ApprovalCallback.FindReviewableAsync(people, context, draft.ApplicantId, cancellationToken) is null)
        {
            context.Reply(CoordinationTexts.AlreadyReviewed);
            return;
        }
        await people.ReviewAsync(draft.ApplicantId, ProfileStatus.Rejected, context.UserId, reason, context.Now, cancellationToken);
        context.Reply(CoordinationTexts.Rejected(draft.ApplicantName, reason));
        context.Outbox.Send(draft.ApplicantId, CoordinationTexts.YouWereRejected(reason));
    }
}
