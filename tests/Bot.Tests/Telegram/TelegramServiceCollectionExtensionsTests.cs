using System.Collections.Concurrent;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Bot.Tests.Telegram;

public sealed class TelegramServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_registered_client_works_and_logs_no_line_with_the_token()
    {
        await using var api = await FakeBotApi.StartAsync();
        var logs = new CapturedLogs();
        await using var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .Configure<TelegramOptions>(options =>
            {
                api.ApplyTo(options);
                options.RequestTimeoutSeconds = 1;
            })
            .AddTelegramBotClient()
            .BuildServiceProvider();
        var client = provider.GetRequiredService<IBotApi>();
        api.Script("sendMessage", ScriptedResponse.InternalServerError(), ScriptedResponse.DropConnection());

        var me = await client.GetMeAsync();
        await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(1, "a"));
        await Assert.ThrowsAsync<TelegramTransportException>(() => client.SendMessageAsync(1, "b"));
        provider.GetRequiredService<ILogger<TelegramServiceCollectionExtensionsTests>>().LogInformation("probe");

        Assert.Equal(api.Bot.Id, me.Id);
        Assert.Contains("probe", logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(api.Token, StringComparison.Ordinal));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
