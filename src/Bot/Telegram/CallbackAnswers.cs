using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// Answers button presses (answerCallbackQuery, and the pressed message's final edit) beside the per-chat pipeline
/// instead of inside it: a chat's next update, and everyone else's, need not wait for Telegram's round trip, so a wave
/// of presses is acknowledged as fast as it is committed. At most <see cref="MaxInFlight"/> calls are open at once; the
/// rest queue in the order their updates were committed. Telegram does not count these calls against the sending
/// limits. Each call is made once, without retries, as before: a lost answer only leaves the spinner to time out.
/// </summary>
public sealed class CallbackAnswers(IBotApi telegram, ILogger<CallbackAnswers> logger) : IHostedService, IDisposable
{
    /// <summary>
    /// Calls open at once: the answers a second are this many divided by the round trip, so 256 keep up with the
    /// 2,000 presses a second that polling can bring in at 100 ms (and 850 at 300 ms).
    /// </summary>
    public const int MaxInFlight = 256;

    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _open = [];

    /// <summary>Answers the press, then makes the final edit if there is one; returns at once.</summary>
    public void Post(PressAnswer? answer, FinalEdit? finalEdit)
    {
        if (answer is null && finalEdit is null)
        {
            return;
        }
        var call = RunAsync(answer, finalEdit);
        lock (_gate)
        {
            if (!call.IsCompleted)
            {
                _open.Add(call);
            }
        }
        _ = call.ContinueWith(Forget, TaskScheduler.Default);
    }

    /// <summary>Completes when every call posted so far has been answered or has failed.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_open.ToList());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The last presses are still acknowledged while the host stops, within its shutdown time.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => WhenIdleAsync().WaitAsync(cancellationToken);

    public void Dispose() => _slots.Dispose();

    private void Forget(Task call)
    {
        lock (_gate)
        {
            _open.Remove(call);
        }
    }

    private async Task RunAsync(PressAnswer? answer, FinalEdit? finalEdit)
    {
        await _slots.WaitAsync();
        try
        {
            if (answer is not null)
            {
                await AnswerAsync(answer);
            }
            if (finalEdit is not null)
            {
                await EditWithoutTraceAsync(finalEdit);
            }
        }
        catch (Exception error)
        {
            logger.PressFailed(error.GetType().Name);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task AnswerAsync(PressAnswer answer)
    {
        try
        {
            await telegram.AnswerCallbackQueryAsync(answer.CallbackQueryId, answer.Text, answer.ShowAlert, CancellationToken.None);
        }
        catch (Exception error) when (error is TelegramApiException or TelegramTransportException)
        {
            // The spinner on the button times out by itself; the update's effects are already committed.
            logger.AnswerFailed(error.GetType().Name);
        }
    }

    /// <summary>Once, without retries: a failed edit leaves the question's buttons, which then answer truthfully.</summary>
    private async Task EditWithoutTraceAsync(FinalEdit edit)
    {
        try
        {
            await telegram.EditMessageTextAsync(edit.ChatId, edit.MessageId, edit.Html, replyMarkup: null, CancellationToken.None);
        }
        catch (Exception error) when (error is TelegramApiException or TelegramTransportException)
        {
            logger.FinalEditFailed(error.GetType().Name);
        }
    }
}

/// <summary>What answerCallbackQuery says to the person who pressed: a short notice, or an alert to dismiss.</summary>
public sealed record PressAnswer(string CallbackQueryId, string? Text, bool ShowAlert);

/// <summary>The pressed message's last text, without buttons, once its question is answered.</summary>
public sealed record FinalEdit(long ChatId, int MessageId, string Html);

internal static partial class CallbackAnswersLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a button press failed: {Reason}")]
    public static partial void PressFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "answerCallbackQuery failed: {Reason}")]
    public static partial void AnswerFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "editMessageText after the update failed: {Reason}")]
    public static partial void FinalEditFailed(this ILogger logger, string reason);
}
