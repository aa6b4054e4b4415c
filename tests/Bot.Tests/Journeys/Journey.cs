using System.Text.RegularExpressions;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Journeys;

/// <summary>
/// Several people using one real bot together. After every step each person's new messages are checked: every
/// command a message names must exist and be one the reader may use at that moment (the same routes that /help and
/// the dispatcher read).
/// </summary>
public sealed partial class Journey(BotHarness bot, params long[] people)
{
    private readonly Dictionary<long, int> _checked = people.ToDictionary(p => p, _ => 0);

    public BotHarness Bot => bot;

    public async Task SendAsync(long userId, string text)
    {
        await bot.SendTextAsync(userId, text, username: $"user{userId}");
        await CheckCommandsAsync();
    }

    public async Task PressAsync(long userId, string label)
    {
        await bot.PressAsync(userId, label);
        await CheckCommandsAsync();
    }

    /// <summary>Presses again a button that was already pressed, as an impatient person does.</summary>
    public async Task PressOldAsync(long userId, string data, int messageId)
    {
        await bot.PressDataAsync(userId, data, messageId);
        await CheckCommandsAsync();
    }

    public async Task SweepAsync()
    {
        await MentorBot.Bot.Tests.Reminders.ReminderBot.SweepAsync(bot);
        await CheckCommandsAsync();
    }

    public string Last(long userId) => bot.LastText(userId);

    /// <summary>What the person received since <paramref name="from"/> messages, joined, to assert on a step's whole answer.</summary>
    public string Since(long userId, int from) => string.Join("\n---\n", bot.TextsIn(userId).Skip(from));

    public int Count(long userId) => bot.TextsIn(userId).Count;

    public async Task CheckCommandsAsync()
    {
        var routes = bot.Services.GetRequiredService<RouteTable>();
        foreach (var person in _checked.Keys.ToList())
        {
            var seen = bot.TextsIn(person);
            if (seen.Count == _checked[person])
            {
                continue;
            }
            await using var scope = bot.Services.CreateAsyncScope();
            var caller = await scope.ServiceProvider.GetRequiredService<ICallerDirectory>().FindAsync(person, CancellationToken.None);
            foreach (var text in seen.Skip(_checked[person]))
            {
                foreach (var name in CommandsNamedIn(text))
                {
                    Assert.True(routes.Commands.TryGetValue(name, out var command), $"Unknown command /{name} sent to {person}: {text}");
                    Assert.True(caller.Is(command.Route.Audience), $"/{name} is not allowed for {person} ({caller.Roles}), yet they read: {text}");
                }
            }
            _checked[person] = seen.Count;
        }
    }

    public static IEnumerable<string> CommandsNamedIn(string text) =>
        CommandToken().Matches(text).Select(m => m.Groups[1].Value);

    // A slash that starts a word: not the slashes of a link («tg://user», «t.me/bot») or of a date.
    [GeneratedRegex(@"(?<![\w/.:])/([a-z_]{2,32})\b")]
    private static partial Regex CommandToken();
}
