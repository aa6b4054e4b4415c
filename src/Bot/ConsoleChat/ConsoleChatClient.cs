using Microsoft.Extensions.Options;
using MentorBot.Bot.Telegram;

namespace MentorBot.Bot.ConsoleChat;

/// <summary>The Bot API as the terminal chat sees it: sending prints to the screen, and nothing goes to Telegram.</summary>
public sealed class ConsoleChatClient(ConsoleScreen screen, IOptions<ConsoleChatOptions> options) : ITelegramBotClient
{
    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new User { Id = 1, IsBot = true, FirstName = "MentorBot", Username = "mentorbot_local" });

    public Task<IReadOnlyList<Update>> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Update>>([]);

    public Task<Message?> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        var id = screen.NextMessageId();
        screen.ShowMessage(request.ChatId, id, request.Text, request.ReplyMarkup, edited: false);
        return Task.FromResult<Message?>(new Message { MessageId = id, Chat = new Chat { Id = request.ChatId }, Text = request.Text });
    }

    public Task<Message?> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken cancellationToken = default)
    {
        screen.ShowMessage(request.ChatId, request.MessageId, request.Text, request.ReplyMarkup, edited: true);
        return Task.FromResult<Message?>(null);
    }

    public Task<Message?> EditMessageReplyMarkupAsync(EditMessageReplyMarkupRequest request, CancellationToken cancellationToken = default)
    {
        screen.ShowButtonsOnly(request.ChatId, request.MessageId, request.ReplyMarkup);
        return Task.FromResult<Message?>(null);
    }

    public Task AnswerCallbackQueryAsync(AnswerCallbackQueryRequest request, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(request.Text))
        {
            screen.ShowNote($"  ({request.Text})");
        }
        return Task.CompletedTask;
    }

    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<Message?> SendDocumentAsync(SendDocumentRequest request, CancellationToken cancellationToken = default) =>
        SaveAsync(request.ChatId, request.FileName, request.Content, request.Caption, "📎 файл сохранён", request.ReplyMarkup, cancellationToken);

    public Task<Message?> SendPhotoAsync(SendPhotoRequest request, CancellationToken cancellationToken = default) =>
        SaveAsync(request.ChatId, request.FileName, request.Content, request.Caption, "🖼 изображение сохранено", null, cancellationToken);

    /// <summary>A terminal cannot show a file, so it is saved under <see cref="ConsoleChatOptions.FilesDirectory"/> and its path printed.</summary>
    private async Task<Message?> SaveAsync(
        long chatId, string fileName, byte[] content, string? caption, string note, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.FilesDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Path.GetFileName(fileName));
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        var id = screen.NextMessageId();
        screen.ShowMessage(chatId, id, $"{caption}\n{note}: {path}", keyboard, edited: false);
        return new Message { MessageId = id, Chat = new Chat { Id = chatId } };
    }

    /// <summary>The console chat has no uploads: the terminal cannot attach a file to a message.</summary>
    public Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default) =>
        throw new TelegramApiException("getFile", 400, "Bad Request: the console chat cannot send files", null);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
