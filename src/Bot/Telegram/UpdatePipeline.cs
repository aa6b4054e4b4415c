using System.Data.Common;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Operations;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Handles one update exactly once: in one transaction it records the update id, runs the handler and writes the
/// replies to the outbox. A redelivered update finds its id recorded and is skipped.
/// </summary>
public sealed class UpdatePipeline(
    IServiceScopeFactory scopes,
    IDbConnectionFactory connections,
    CallbackAnswers callbackAnswers,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<UpdatePipeline> logger)
{
    private const int MaxBusyRetries = 5;

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (answer, finalEdit) = await HandleOnceAsync(update, cancellationToken);
                metrics.UpdateHandled(clock.GetElapsedTime(started));
                // Beside the pipeline: the chat's next update, and other chats', need not wait for the round trip.
                callbackAnswers.Post(answer, finalEdit);
                return;
            }
            catch (DbException error) when (attempt < MaxBusyRetries && IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                // Another writer held the database past the busy timeout, or won a conflict; nothing was committed, so try again.
                logger.DatabaseBusy(update.Id, attempt);
                // Wall-clock time, not the bot's clock: the other writer finishes in real time.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }

    private async Task<(PressAnswer? Answer, FinalEdit? FinalEdit)> HandleOnceAsync(Update update, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<DbSession>();
        var processed = provider.GetRequiredService<ProcessedUpdateRepository>();
        var inbox = provider.GetRequiredService<UpdateInboxRepository>();
        var outbox = provider.GetRequiredService<OutboxWriter>();
        var now = clock.GetUtcNow();

        await db.BeginAsync(cancellationToken);
        // A polled update's saved copy goes with its handling (webhook and console updates have none).
        await inbox.RemoveAsync(update.Id, cancellationToken);
        if (!await processed.TryMarkAsync(update.Id, now, cancellationToken))
        {
            logger.AlreadyHandled(update.Id);
            await db.CommitAsync(cancellationToken);
            return (null, null);
        }

        UpdateContext? context;
        try
        {
            context = await provider.GetRequiredService<UpdateDispatcher>().DispatchAsync(update, now, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException && !(error is DbException db1 && IsTransient(db1)))
        {
            logger.HandlerFailed(error, update.Id);
            await db.RollbackAsync();
            outbox.Discard();
            return (await RecordFailureAsync(update, db, processed, inbox, outbox, now, cancellationToken), null);
        }

        await outbox.FlushAsync(now, cancellationToken);
        await db.CommitAsync(cancellationToken);
        var finalEdit = context is { CallbackMessageFinalText: { } text, CallbackMessage: { } pressed }
            ? new FinalEdit(context.ChatId, pressed.MessageId, text.Value)
            : null;
        return update.CallbackQuery is { } query
            ? (new PressAnswer(query.Id, context?.CallbackAnswer, context?.CallbackAnswerIsAlert ?? false), finalEdit)
            : (null, finalEdit);
    }

    /// <summary>A handler's bug must not make the update come back forever: it is recorded, and the person told.</summary>
    private static async Task<PressAnswer?> RecordFailureAsync(
        Update update, DbSession db, ProcessedUpdateRepository processed, UpdateInboxRepository inbox, OutboxWriter outbox, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await db.BeginAsync(cancellationToken);
        await inbox.RemoveAsync(update.Id, cancellationToken);
        await processed.TryMarkAsync(update.Id, now, cancellationToken);
        if (update.Message is { Chat.Type: ChatType.Private } message)
        {
            outbox.Send(message.Chat.Id, Texts.InternalError);
        }
        await outbox.FlushAsync(now, cancellationToken);
        await db.CommitAsync(cancellationToken);
        return update.CallbackQuery is { } query
            ? new PressAnswer(query.Id, Html.ToPlainText(Texts.InternalError.Value), ShowAlert: true)
            : null;
    }

    private bool IsTransient(DbException error) => connections.Dialect.IsTransient(error);
}

internal static partial class UpdatePipelineLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Database busy while handling update {UpdateId}; attempt {Attempt}")]
    public static partial void DatabaseBusy(this ILogger logger, long updateId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} was handled before; skipped")]
    public static partial void AlreadyHandled(this ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed in its handler; its changes were rolled back")]
    public static partial void HandlerFailed(this ILogger logger, Exception error, long updateId);
}
