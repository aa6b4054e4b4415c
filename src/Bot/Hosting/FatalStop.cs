using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// A running part of the bot found that it cannot go on and that a restart will not help (Telegram refused the
/// token): it stops the host, and Program prints the reason as one line and exits with 2, as for a configuration error.
/// </summary>
public sealed class FatalStop(IHostApplicationLifetime lifetime)
{
    public string? Reason { get; private set; }

    public void Stop(string reason)
    {
        Reason ??= reason;
        lifetime.StopApplication();
    }
}
