using System.Globalization;
using System.Text.Json.Serialization;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
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
    private const string None = "none";
    private const string Other = "other";

    public static string Name => "decline";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<DeclineDraft>> Steps { get; } =
    [
        DialogStep<DeclineDraft>.Of("reason",
            draft => new StepPrompt(
                MentorshipTexts.AskDeclineReason(draft.MenteeName),
                MentorshipTexts.DeclineReasons
                    .Select((reason, i) => (IReadOnlyList<StepButton>)[new StepButton(reason, i.ToString(CultureInfo.InvariantCulture))])
                    .Append([new StepButton(MentorshipTexts.OtherReasonButton, Other)])
                    .Append([new StepButton(MentorshipTexts.NoReasonButton, None)])
                    .ToList()),
            (draft, input) =>
            {
                switch (input.Choice)
                {
                    case None:
                        return new StepOutcome<DeclineDraft>.Complete(draft);
                    case Other:
                        return new StepOutcome<DeclineDraft>.Invalid(CoordinationTexts.TypeTheReason);
                    case { } index:
                        return int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < MentorshipTexts.DeclineReasons.Count
                            ? new StepOutcome<DeclineDraft>.Complete(draft with { Reason = MentorshipTexts.DeclineReasons[i] })
                            : new StepOutcome<DeclineDraft>.Invalid(ProfileTexts.UseButtons);
                }
                var text = TextInput.Clean(input.Text);
                return text.Length switch
                {
                    0 => new StepOutcome<DeclineDraft>.Invalid(ProfileTexts.Empty),
                    > MaxReasonLength => new StepOutcome<DeclineDraft>.Invalid(ProfileTexts.TooLong(MaxReasonLength)),
                    _ => new StepOutcome<DeclineDraft>.Complete(draft with { Reason = text }),
                };
            }),
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
