using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Telegram;

/// <summary>
/// What the bot makes of a failed Bot API call outside the outbox: a line for the log that names the method, the code
/// and Telegram's own description (never the token, which the client redacts), whether trying again can help, and
/// how long to wait.
/// </summary>
public static class BotApiRefusals
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The line an operator needs when Telegram refuses the token; restarting will not help.</summary>
    public const string TokenRefused =
        "Telegram refused the bot token (401 Unauthorized): it was revoked or mistyped. Get the current one from @BotFather and set Telegram:BotToken.";

    /// <summary>For the log: e.g. "getUpdates 409 Conflict: terminated by other getUpdates request (another instance…)".</summary>
    public static string Describe(Exception error) => error switch
    {
        TelegramApiException { ErrorCode: 409 } api => $"{api.Method} 409 {api.Description} (another instance of the bot is polling "
            + "with this token, or a webhook is set for it; stop the other instance, or run only one mode)",
        TelegramApiException api => $"{api.Method} {api.ErrorCode} {api.Description}",
        TelegramTransportException transport => transport.Message,
        _ => error.GetType().Name,
    };

    public static bool IsTokenRefused(Exception error) => error is TelegramApiException { ErrorCode: 401 };

    /// <summary>Worth trying again: no answer, a server error, too many requests, or a conflict another instance may end.</summary>
    public static bool IsTransient(Exception error) =>
        error is TelegramTransportException or TelegramApiException { IsTooManyRequests: true } or TelegramApiException { IsServerError: true }
            or TelegramApiException { ErrorCode: 409 };

    /// <summary>Doubling from half a second up to 30 s, and never shorter than Telegram's retry_after.</summary>
    public static TimeSpan Backoff(Exception error, int failures)
    {
        var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 6)) / 2));
        return error is TelegramApiException { RetryAfterSeconds: { } seconds } && TimeSpan.FromSeconds(seconds) > backoff
            ? TimeSpan.FromSeconds(seconds)
            : backoff;
    }

    /// <summary>
    /// A call the bot cannot start without (setWebhook): tried until it succeeds, with backoff. A refused token or a
    /// refusal that retrying cannot change (a webhook URL Telegram rejects) becomes one line for the operator.
    /// </summary>
    public static async Task StartupCallAsync(string method, Func<CancellationToken, Task> call, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await call(cancellationToken);
                return;
            }
            catch (Exception error) when (IsTokenRefused(error))
            {
                throw new BotApiStartupException(TokenRefused);
            }
            catch (Exception error) when (IsTransient(error) && !cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff(error, failures);
                logger.StartupCallFailed(method, Describe(error), delay.TotalSeconds);
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (TelegramApiException error)
            {
                throw new BotApiStartupException($"Telegram refused {Describe(error)}; check the Telegram settings.");
            }
        }
    }
}

/// <summary>The bot cannot run with this token or these settings; the message is the one line Program prints.</summary>
public sealed class BotApiStartupException(string message) : Exception(message);

internal static partial class BotApiRefusalsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed at start-up ({Refusal}); retrying in {DelaySeconds} s")]
    public static partial void StartupCallFailed(this ILogger logger, string method, string refusal, double delaySeconds);
}
