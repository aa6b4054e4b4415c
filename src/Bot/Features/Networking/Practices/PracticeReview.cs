using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.Practices;

/// <summary>/review_practices: pending practices of the coordinator's districts, each with Approve and Reject.</summary>
public sealed class ReviewPracticesCommand(PracticeRepository practices, PracticeBrowser browser) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("review_practices", "практики на проверку", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var pending = await practices.PendingInAsync(context.Caller.CoordinatorDistricts, cancellationToken);
        if (pending.Count == 0)
        {
            context.Reply(NetworkingTexts.NoPracticesToReview);
            return;
        }
        context.Reply(NetworkingTexts.PracticesToReview(pending.Count));
        foreach (var practice in pending)
        {
            context.Reply(browser.Card(practice), PracticeReviewCallback.Keyboard(practice.Id));
        }
    }
}

/// <summary>Approve or reject, checked against the coordinator's districts and the practice's current status.</summary>
public sealed class PracticeReviewCallback(PracticeRepository practices, RejectPracticeDialog rejection) : ICallbackHandler
{
    public static string Prefix => "prv";

    public static InlineKeyboardMarkup Keyboard(long practiceId) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(NetworkingTexts.ApprovePracticeButton, CallbackData.Build(Prefix, "ok", practiceId)),
            InlineKeyboardButton.WithCallbackData(NetworkingTexts.RejectPracticeButton, CallbackData.Build(Prefix, "no", practiceId)),
        ],
    ]);

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (await FindReviewableAsync(practices, context, data.LongArg(1), cancellationToken) is not { } practice)
        {
            return;
        }
        switch (data.Arg(0))
        {
            case "ok" when await practices.ReviewAsync(practice.Id, PracticeStatus.Approved, context.UserId, null, context.Now, cancellationToken):
                context.EditOrReply(NetworkingTexts.PracticeApproved(practice.Title));
                if (practice.AuthorId is { } author)
                {
                    context.Outbox.Send(author, NetworkingTexts.YourPracticeApproved(practice.Title));
                }
                return;
            case "no":
                context.RemoveCallbackKeyboard();
                await rejection.BeginAsync(context, new PracticeRejectionDraft(practice.Id, practice.Title), cancellationToken: cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    /// <summary>The practice if the caller coordinates its district and it still waits for review; otherwise says why not.</summary>
    public static async Task<Practice?> FindReviewableAsync(PracticeRepository practices, UpdateContext context, long? practiceId, CancellationToken cancellationToken)
    {
        var practice = practiceId is { } id ? await practices.FindAsync(id, cancellationToken) : null;
        if (practice is null || !context.Caller.Coordinates(practice.District))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return null;
        }
        if (practice.Status != PracticeStatus.Pending)
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(NetworkingTexts.PracticeAlreadyReviewed);
            return null;
        }
        return practice;
    }
}

/// <summary>Why a practice is rejected, chosen or typed; the author is told.</summary>
public sealed class RejectPracticeDialog(ConversationRepository conversations, PracticeRepository practices)
    : Dialog<PracticeRejectionDraft>(conversations, NetworkingJsonContext.Default.PracticeRejectionDraft), IConversation
{
    public const int MaxReasonLength = 300;

    public static string Name => "prej";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<PracticeRejectionDraft>> Steps { get; } =
    [
        ReasonStep.Of<PracticeRejectionDraft>("reason", d => NetworkingTexts.AskPracticeRejectionReason(d.Title), NetworkingTexts.PracticeRejectionReasons,
            MaxReasonLength, null, (d, reason) => d with { Reason = reason }),
    ];

    protected override async Task CompleteAsync(UpdateContext context, PracticeRejectionDraft draft, CancellationToken cancellationToken)
    {
        // Checked again: another coordinator may have decided meanwhile.
        if (await PracticeReviewCallback.FindReviewableAsync(practices, context, draft.PracticeId, cancellationToken) is not { } practice)
        {
            context.Reply(Html.Text(NetworkingTexts.PracticeAlreadyReviewed));
            return;
        }
        var reason = draft.Reason ?? "";
        await practices.ReviewAsync(practice.Id, PracticeStatus.Rejected, context.UserId, reason, context.Now, cancellationToken);
        context.Reply(NetworkingTexts.PracticeRejected(practice.Title, reason));
        if (practice.AuthorId is { } author)
        {
            context.Outbox.Send(author, NetworkingTexts.YourPracticeRejected(practice.Title, reason));
        }
    }
}
