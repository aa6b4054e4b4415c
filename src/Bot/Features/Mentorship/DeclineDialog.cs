using System.Text.Json.Serialization;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Mentorship;

public sealed record DeclineDraft(long RequestId, string MenteeName, string? Reason = null);

[JsonSerializable(typeof(DeclineDraft))]
internal sealed partial class DeclineJsonContext : JsonSerializerContext;

/// <summary>A flagship declines: a reason from a short list, typed, or none at all.</summary>
public sealed class DeclineDialog(ConversationRepository conversations, MentorRequestRepository requests, MentorshipFlow flow)
    : Dialog<DeclineDraft>(conversations, DeclineJsonContext.Default.DeclineDraft), IConversation
{
    public const int MaxReasonLength = 300;

    public static string Name => "decline";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<DeclineDraft>> Steps { get; } =
    [
        ReasonStep.Of<DeclineDraft>("reason", draft => MentorshipTexts.AskDeclineReason(draft.MenteeName), MentorshipTexts.DeclineReasons,
            MaxReasonLength, MentorshipTexts.NoReasonButton, (draft, reason) => draft with { Reason = reason }),
    ];

    protected override async Task CompleteAsync(UpdateContext context, DeclineDraft draft, CancellationToken cancellationToken)
    {
        // Checked again: the request may have expired or been withdrawn while the flagship was typing.
        var request = await RequestCallback.AddressedRequestAsync(requests, context, draft.RequestId, cancellationToken);
        if (request is null || !await flow.DeclineAsync(request, draft.Reason, context.Now, cancellationToken))
        {
            context.Reply(MentorshipTexts.RequestNoLongerPending);
            return;
        }
        context.Reply(MentorshipTexts.DeclineRecorded);
    }
}
