using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Tests.Privacy;

/// <summary>Logs at Information and above carry ids and event names: never what people wrote, their names or the token.</summary>
public sealed class LogPrivacyTests
{
    private const string Name = "Шварценбергская Ольга Всеволодовна";
    private const string Note = "Секретная заметка про школу Шварценбергской";

    private static void AssertNothingPersonal(LogCapture capture, params string[] secrets)
    {
        var lines = capture.Lines.Where(l => l.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in secrets.Append(Name).Append(Note).Append("Шварценберг"))
        {
            var leak = lines.FirstOrDefault(l => l.Text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"{leak?.Level} {leak?.Category} logged \"{secret}\": {leak?.Text}");
        }
    }

    [Fact]
    public async Task Registering_and_talking_logs_no_names_or_texts()
    {
        var capture = new LogCapture();
        await using var bot = await BotHarness.StartAsync(services: capture.AddTo);

        await RegistrationScript.RegisterYoungAsync(bot, 6101, Name);
        await RegistrationScript.RegisterFlagshipAsync(bot, 6102, Name + " мл.");
        await bot.SendTextAsync(6101, Note, firstName: Name);
        await bot.SendTextAsync(6101, "/nonsense " + Note, firstName: Name);
        await bot.SendTextAsync(6103, "/start", firstName: Name, username: "shvarzenberg");
        await bot.SendTextAsync(6103, Note, firstName: Name);
        await bot.PressDataAsync(6103, "garbage:" + Note);

        AssertNothingPersonal(capture, BotHarness.BaseConfiguration()["Telegram:BotToken"]!);
    }

    [Fact]
    public async Task The_live_bot_logs_neither_texts_nor_the_token_when_Telegram_fails()
    {
        await using var api = await FakeBotApi.StartAsync();
        var capture = new LogCapture();
        api.Script("getUpdates", ScriptedResponse.DropConnection(), ScriptedResponse.Normal, ScriptedResponse.BadGateway());
        api.Script("sendMessage",
            ScriptedResponse.InternalServerError(), ScriptedResponse.TooManyRequests(1), ScriptedResponse.DropConnection(),
            ScriptedResponse.MalformedJson());
        api.BlockChat(6202);
        await using var bot = await LiveBot.StartAsync(api, services: capture.AddTo);

        foreach (var (chat, text) in new[] { (6201L, "/start"), (6201L, Note), (6202L, "/start"), (6202L, Note), (6203L, "/help"), (6204L, "/help " + Note) })
        {
            var update = Updates.Text(chat, text, firstName: Name, username: "shvarzenberg");
            update.Id = 0;
            api.EnqueueUpdate(update);
        }
        await api.WaitUntilAsync(a => a.DeliveredTo(6203).Count > 0 && a.DeliveredTo(6204).Count > 0 && a.PendingUpdateCount == 0, TimeSpan.FromSeconds(30));

        Assert.Contains(capture.Lines, l => l.Level >= LogLevel.Warning && l.Category == typeof(PollingReceiver).FullName);
        AssertNothingPersonal(capture, api.Token, api.Token.Split(':')[1]);
    }
}
