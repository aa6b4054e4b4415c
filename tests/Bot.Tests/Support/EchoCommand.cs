using System.Collections.Concurrent;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Tests.Support;

/// <summary>A test-only command: "/echo X" answers "X" and counts how often each argument was handled.</summary>
public sealed class EchoCommand(EchoLog log) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("echo", "повторить текст", Audience.Anyone);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        log.Record(context.ChatId, arguments);
        context.Reply(Html.Text(arguments));
        return Task.CompletedTask;
    }
}

public sealed class EchoLog
{
    private readonly ConcurrentQueue<(long ChatId, string Text)> _handled = new();

    public IReadOnlyList<(long ChatId, string Text)> Handled => _handled.ToList();

    public void Record(long chatId, string text) => _handled.Enqueue((chatId, text));
}
