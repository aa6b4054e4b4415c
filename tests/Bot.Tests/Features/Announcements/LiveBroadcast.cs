using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Announcements;

/// <summary>
/// Broadcasts through the whole bot over HTTP: recipients seeded in bulk, the coordinator typing and pressing in the
/// fake Bot API's chat, Quartz running the broadcast job in real time.
/// </summary>
public static class LiveBroadcast
{
    public const long Coordinator = 900;

    /// <summary>Young directors <paramref name="first"/>…, all in Dinskoy, and its coordinator, in one transaction.</summary>
    public static async Task SeedAsync(LiveBot bot, long first, int count)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DbSession>();
        await db.BeginAsync();
        var consents = services.GetRequiredService<ConsentRepository>();
        var people = services.GetRequiredService<PeopleRepository>();
        for (var user = first; user < first + count; user++)
        {
            await consents.RecordAsync(user, "test", TestClock.DefaultStart);
            await people.SaveAsync(DirectorBuilder.Young(user).Build());
        }
        await services.GetRequiredService<CoordinatorRepository>()
            .UpsertAsync(new CoordinatorRecord(Coordinator, "Координатор", null, ["dinskoy"], "test"), TestClock.DefaultStart);
        await db.CommitAsync();
    }

    /// <summary>The coordinator announces a forum to every young director of the district and sends it now.</summary>
    public static async Task AnnounceAsync(FakeBotApi api, string title, TimeSpan patience)
    {
        var chat = new LiveChat(api, Coordinator, patience);
        await chat.SayAsync("/announce", "Что за событие?");
        await chat.PressAsync("Форум", "Название события");
        await chat.SayAsync(title, "Дата и время начала");
        await chat.SayAsync(TimeProvider.System.GetUtcNow().AddDays(30).ToString("dd.MM.yyyy 10:00", System.Globalization.CultureInfo.InvariantCulture), "Где пройдёт");
        await chat.SayAsync(AnnouncementScript.Place, "Описание");
        await chat.SayAsync(AnnouncementScript.Description, "Кому отправить?");
        await chat.PressAsync("Молодым директорам", "Только тем, кто отметил");
        await chat.PressAsync("Всем, без фильтра", "Предпросмотр");
        await chat.PressAsync("Отправить сейчас", "отправлено 0 из");
    }

    /// <summary>How many times each chat got the announcement (sends only, edits aside).</summary>
    public static Dictionary<long, int> DeliveriesByChat(FakeBotApi api, string title) =>
        api.Delivered.Where(m => m.Method == "sendMessage" && m.VisibleText?.StartsWith("📣", StringComparison.Ordinal) == true && m.VisibleText.Contains(title, StringComparison.Ordinal))
            .GroupBy(m => m.ChatId)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The final report's lines, as numbers: delivered, blocked, failed, total.</summary>
    public static (int Delivered, int Blocked, int Failed, int Total) ReportOf(string report)
    {
        var numbers = report.Split('\n').Skip(1).Take(4)
            .Select(line => int.Parse(new string(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return (numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /// <summary>One person's chat with the bot in the fake: what they type and press, and the answer they wait for.</summary>
    private sealed class LiveChat(FakeBotApi api, long userId, TimeSpan patience)
    {
        public async Task SayAsync(string text, string expected)
        {
            var seen = api.DeliveredTo(userId).Count;
            api.EnqueueText(userId, text);
            await WaitAsync(seen, expected);
        }

        public async Task PressAsync(string label, string expected)
        {
            var message = api.VisibleMessages(userId).Last(m => m.Buttons().Any(b => b.Text.Contains(label, StringComparison.Ordinal)));
            var button = message.Buttons().First(b => b.Text.Contains(label, StringComparison.Ordinal));
            var seen = api.DeliveredTo(userId).Count;
            api.EnqueueButtonPress(userId, message.MessageId, button.CallbackData!);
            await WaitAsync(seen, expected);
        }

        private Task WaitAsync(int seen, string expected) =>
            api.WaitUntilAsync(a => a.DeliveredTo(userId).Skip(seen).Any(m => m.VisibleText?.Contains(expected, StringComparison.Ordinal) == true), patience);
    }
}
