using System.Collections.Concurrent;
using System.Diagnostics;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Bench;

public sealed record UpdateLoadResult(double UpdatesPerSecond, TimeSpan Median, TimeSpan P99);

/// <summary>
/// A mixed load: each chat goes through consent and the first registration steps, asks for help, sends stray text and
/// an unknown command, and presses a stale button, in order per chat and concurrently across chats, as the receivers do.
/// </summary>
public static class UpdateLoad
{
    public static async Task<UpdateLoadResult> RunAsync(int updateCount, int chatCount, int concurrency)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mentorbot-bench-{Guid.NewGuid():N}.db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "1:bench",
            ["Database:Path"] = path,
            ["Operations:HealthListenUrl"] = "",
            ["Outbound:GlobalMessagesPerSecond"] = "1000000",
            ["Outbound:PerChatMessagesPerSecond"] = "0",
            ["Telegram:MaxConcurrentChats"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.AddMentorBot();
        builder.Services.AddSingleton<IBotApi, NullTelegramClient>();
        foreach (var receiver in builder.Services.Where(d => d.ImplementationType == typeof(PollingReceiver)).ToList())
        {
            builder.Services.Remove(receiver);
        }
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var batches = host.Services.GetRequiredService<UpdateBatchHandler>();
            var perChat = Enumerable.Range(0, chatCount).Select(c => Script(1_000_000 + c, updateCount / chatCount)).ToList();
            var latencies = new ConcurrentBag<double>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(perChat, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (script, token) =>
            {
                foreach (var update in script)
                {
                    var started = Stopwatch.GetTimestamp();
                    await batches.HandleOneAsync(update, token);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            });
            clock.Stop();
            var sorted = latencies.Order().ToArray();
            return new UpdateLoadResult(
                sorted.Length / clock.Elapsed.TotalSeconds,
                TimeSpan.FromMilliseconds(sorted[sorted.Length / 2]),
                TimeSpan.FromMilliseconds(sorted[(int)(sorted.Length * 0.99)]));
        }
        finally
        {
            await host.StopAsync();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static int _updateId;

    private static List<Update> Script(long userId, int count)
    {
        string?[] texts = ["/start", null, "/help", "привет", "/nonsense", "/start"];
        var updates = new List<Update>(count);
        for (var i = 0; i < count; i++)
        {
            var text = texts[i % texts.Length];
            var user = new User { Id = userId, FirstName = "Нагрузка" };
            var chat = new Chat { Id = userId, Type = ChatType.Private };
            updates.Add(text is null
                ? new Update
                {
                    Id = Interlocked.Increment(ref _updateId),
                    CallbackQuery = new CallbackQuery { Id = $"{userId}-{i}", From = user, Data = "consent:n", Message = new Message { Id = 1, Chat = chat } },
                }
                : new Update { Id = Interlocked.Increment(ref _updateId), Message = new Message { Id = i, From = user, Chat = chat, Text = text } });
        }
        return updates;
    }
}

/// <summary>A Bot API that answers at once and remembers nothing, so only our own handling is measured.</summary>
public sealed class NullTelegramClient : IBotApi
{
    private int _messageId;

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) => Task.FromResult(new User { Id = 1, IsBot = true, Username = "bench_bot" });
    public Task<IReadOnlyList<Update>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Update>>([]);
    public Task<Message?> SendMessageAsync(long chatId, string html, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Message?>(new Message { Id = Interlocked.Increment(ref _messageId), Chat = new Chat { Id = chatId } });
    public Task<Message?> EditMessageTextAsync(long chatId, int messageId, string html, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Message?>(null);
    public Task<Message?> EditMessageReplyMarkupAsync(long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Message?>(null);
    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task<Message?> SendDocumentAsync(
        long chatId, OutgoingFile document, string? captionHtml = null, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Message?>(null);
    public Task<Message?> SendPhotoAsync(long chatId, OutgoingFile photo, string? captionHtml = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Message?>(null);
    public Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default) => Task.FromResult<byte[]>([]);
    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
