using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.PersonalData;

/// <summary>/delete_me: asks once more, then erases everything about the person.</summary>
public sealed class DeleteMeCommand : ICommandHandler
{
    public static CommandRoute Route { get; } = new("delete_me", "удалить все мои данные", Audience.Anyone);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        context.Reply(PrivacyTexts.ConfirmDeletion, new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData(PrivacyTexts.DeleteButton, CallbackData.Build(DeleteMeCallback.Prefix, "yes"))],
            [InlineKeyboardButton.WithCallbackData(PrivacyTexts.KeepButton, CallbackData.Build(DeleteMeCallback.Prefix, "no"))],
        ]));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The confirmation. Every feature erases its part in one transaction; the question itself becomes the farewell, its
/// buttons gone, edited straight after the commit rather than through the outbox, which would keep the chat id.
/// </summary>
public sealed class DeleteMeCallback(IEnumerable<IPersonalDataSource> sources, DbSession db) : ICallbackHandler
{
    public static string Prefix => "erase";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (data.Arg(0) != "yes")
        {
            // After an erasure (whose edit failed) "nothing was deleted" would be false.
            context.EditOrReply(context.Caller.Is(Audience.Guest) ? PrivacyTexts.NothingStored : PrivacyTexts.DeletionCancelled);
            return;
        }
        foreach (var source in sources.OrderBy(s => s.ErasureOrder))
        {
            await source.EraseAsync(context, cancellationToken);
        }
        db.PurgeAfterCommit();
        context.AnswerCallback(PrivacyTexts.Deleted);
        context.ReplaceCallbackMessageWithoutTrace(Html.Text(PrivacyTexts.Deleted));
    }
}
