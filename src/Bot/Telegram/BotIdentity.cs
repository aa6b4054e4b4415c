using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Telegram;

/// <summary>The bot's own @username, for t.me deep links; asked of getMe once at start-up.</summary>
public sealed class BotIdentity(IBotApi telegram, ILogger<BotIdentity> logger) : IHostedService
{
    private string? _username;

    public async Task<string> UsernameAsync(CancellationToken cancellationToken)
    {
        if (_username is null)
        {
            var me = await telegram.GetMeAsync(cancellationToken);
            _username = me.Username ?? "mentorbot";
        }
        return _username;
    }

    public static string DeepLink(string username, string payload) => $"https://t.me/{username}?start={payload}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await UsernameAsync(cancellationToken);
        }
        catch (Exception error) when (error is TelegramApiException or TelegramTransportException)
        {
            // Not fatal: the name is asked again when the first link is made.
            logger.GetMeFailed(error.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class BotIdentityLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "getMe failed at start-up: {Reason}")]
    public static partial void GetMeFailed(this ILogger logger, string reason);
}
