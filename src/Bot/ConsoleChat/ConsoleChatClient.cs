using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.ConsoleChat;

/// <summary>The Bot API as the terminal chat sees it: sending prints to the screen, and nothing goes to Telegram.</summary>
public sealed class ConsoleChatClient(ConsoleScreen screen, IOptions<ConsoleChatOptions> options) : IBotApi
{
    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new User { Id = 1, IsBot = true, FirstName = "MentorBot", Username = "mentorbot_local" });

    public Task<IReadOnlyList<Update>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Update>>([]);

    public Task<Message?> SendMessageAsync(long chatId, string html, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        var id = screen.NextMessageId();
        screen.ShowMessage(chatId, id, html, replyMarkup, edited: false);
        return Task.FromResult<Message?>(new Message { Id = id, Chat = new Chat { Id = chatId }, Text = html });
    }

    public Task<Message?> EditMessageTextAsync(
        long chatId, int messageId, string html, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        screen.ShowMessage(chatId, messageId, html, replyMarkup, edited: true);
        return Task.FromResult<Message?>(null);
    }

    public Task<Message?> EditMessageReplyMarkupAsync(
        long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        screen.ShowButtonsOnly(chatId, messageId, replyMarkup);
        return Task.FromResult<Message?>(null);
    }

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(text))
        {
            screen.ShowNote($"  ({text})");
        }
        return Task.CompletedTask;
    }

    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<Message?> SendDocumentAsync(
        long chatId, OutgoingFile document, string? captionHtml = null, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default) =>
        SaveAsync(chatId, document, captionHtml, "📎 файл сохранён", replyMarkup, cancellationToken);

    public Task<Message?> SendPhotoAsync(long chatId, OutgoingFile photo, string? captionHtml = null, CancellationToken cancellationToken = default) =>
        SaveAsync(chatId, photo, captionHtml, "🖼 изображение сохранено", null, cancellationToken);

    /// <summary>A terminal cannot show a file, so it is saved under <see cref="ConsoleChatOptions.FilesDirectory"/> and its path printed.</summary>
    private async Task<Message?> SaveAsync(
        long chatId, OutgoingFile file, string? caption, string note, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.FilesDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Path.GetFileName(file.FileName));
        await System.IO.File.WriteAllBytesAsync(path, file.Content, cancellationToken);
        var id = screen.NextMessageId();
        screen.ShowMessage(chatId, id, $"{caption}\n{note}: {path}", keyboard, edited: false);
        return new Message { Id = id, Chat = new Chat { Id = chatId } };
    }

    /// <summary>The console chat has no uploads: the terminal cannot attach a file to a message.</summary>
    public Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default) =>
        throw new TelegramApiException("getFile", 400, "Bad Request: the console chat cannot send files", null);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
