using System.Collections.Concurrent;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Telegram;

namespace MentorBot.Bot.Tests.Support;

/// <summary>What a person saw in their chat: the plain text and the buttons under it.</summary>
public sealed record SeenMessage(long ChatId, int MessageId, string Html, IReadOnlyList<InlineKeyboardButton> Buttons, bool Edited)
{
    public string Text => Html.Length == 0 ? "" : MentorBot.Bot.Localization.Html.ToPlainText(Html);
}

/// <summary>An in-memory Bot API for tests through the dispatcher: it records what each chat would see.</summary>
public sealed class RecordingTelegramClient : ITelegramBotClient
{
    private readonly ConcurrentQueue<SeenMessage> _messages = new();
    private readonly ConcurrentQueue<AnswerCallbackQueryRequest> _callbackAnswers = new();
    private readonly ConcurrentQueue<SendDocumentRequest> _documents = new();
    private readonly ConcurrentQueue<SendPhotoRequest> _photos = new();
    private readonly ConcurrentDictionary<(long, int), IReadOnlyList<InlineKeyboardButton>> _currentButtons = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private int _nextMessageId;

    /// <summary>Makes a file downloadable by id, as Telegram keeps what a person sent.</summary>
    public void AddFile(string fileId, byte[] content) => _files[fileId] = content;

    public IReadOnlyList<SeenMessage> Messages => _messages.ToList();
    public IReadOnlyList<AnswerCallbackQueryRequest> CallbackAnswers => _callbackAnswers.ToList();
    public IReadOnlyList<SendDocumentRequest> Documents => _documents.ToList();
    public IReadOnlyList<SendPhotoRequest> Photos => _photos.ToList();

    public IReadOnlyList<SeenMessage> In(long chatId) => _messages.Where(m => m.ChatId == chatId).ToList();

    /// <summary>The buttons still under a message, after any edits that removed them.</summary>
    public IReadOnlyList<InlineKeyboardButton> ButtonsOf(long chatId, int messageId) =>
        _currentButtons.TryGetValue((chatId, messageId), out var buttons) ? buttons : [];

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new User { Id = 42, IsBot = true, FirstName = "MentorBot", Username = "mentorbot_test" });

    public Task<IReadOnlyList<Update>> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Update>>([]);

    public Task<Message?> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextMessageId);
        Record(request.ChatId, id, request.Text, request.ReplyMarkup as InlineKeyboardMarkup, edited: false);
        return Task.FromResult<Message?>(new Message { MessageId = id, Chat = new Chat { Id = request.ChatId }, Text = request.Text });
    }

    public Task<Message?> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken cancellationToken = default)
    {
        Record(request.ChatId, request.MessageId, request.Text, request.ReplyMarkup, edited: true);
        return Task.FromResult<Message?>(null);
    }

    public Task<Message?> EditMessageReplyMarkupAsync(EditMessageReplyMarkupRequest request, CancellationToken cancellationToken = default)
    {
        _currentButtons[(request.ChatId, request.MessageId)] = Flatten(request.ReplyMarkup);
        return Task.FromResult<Message?>(null);
    }

    public Task AnswerCallbackQueryAsync(AnswerCallbackQueryRequest request, CancellationToken cancellationToken = default)
    {
        _callbackAnswers.Enqueue(request);
        return Task.CompletedTask;
    }

    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<Message?> SendDocumentAsync(SendDocumentRequest request, CancellationToken cancellationToken = default)
    {
        _documents.Enqueue(request);
        var id = Interlocked.Increment(ref _nextMessageId);
        Record(request.ChatId, id, request.Caption ?? "", request.ReplyMarkup, edited: false);
        return Task.FromResult<Message?>(new Message { MessageId = id, Chat = new Chat { Id = request.ChatId } });
    }

    public Task<Message?> SendPhotoAsync(SendPhotoRequest request, CancellationToken cancellationToken = default)
    {
        _photos.Enqueue(request);
        var id = Interlocked.Increment(ref _nextMessageId);
        Record(request.ChatId, id, request.Caption ?? "", null, edited: false);
        return Task.FromResult<Message?>(new Message { MessageId = id, Chat = new Chat { Id = request.ChatId } });
    }

    public Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default) =>
        !_files.TryGetValue(fileId, out var content) ? throw new TelegramApiException("getFile", 400, "Bad Request: invalid file_id", null)
        : content.Length > maxBytes ? throw new TelegramFileTooLargeException(maxBytes)
        : Task.FromResult(content);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeleteWebhookAsync(bool dropPendingUpdates = false, CancellationToken cancellationToken = default) => Task.CompletedTask;

    private void Record(long chatId, int messageId, string html, InlineKeyboardMarkup? markup, bool edited)
    {
        var buttons = Flatten(markup);
        _currentButtons[(chatId, messageId)] = buttons;
        _messages.Enqueue(new SeenMessage(chatId, messageId, html, buttons, edited));
    }

    private static IReadOnlyList<InlineKeyboardButton> Flatten(InlineKeyboardMarkup? markup) =>
        markup?.InlineKeyboard.SelectMany(row => row).ToList() ?? [];
}
