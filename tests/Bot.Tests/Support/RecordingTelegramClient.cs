using System.Collections.Concurrent;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Support;

/// <summary>What a person saw in their chat: the plain text and the buttons under it.</summary>
public sealed record SeenMessage(long ChatId, int MessageId, string Html, IReadOnlyList<InlineKeyboardButton> Buttons, bool Edited)
{
    public string Text => Html.Length == 0 ? "" : MentorBot.Bot.Localization.Html.ToPlainText(Html);
}

/// <summary>A file a chat received: the name, the bytes and the caption, as the bot handed them over.</summary>
public sealed record SentFile(long ChatId, string FileName, byte[] Content, string? Caption);

/// <summary>An answer to a button press.</summary>
public sealed record SentCallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert);

/// <summary>An in-memory Bot API for tests through the dispatcher: it records what each chat would see.</summary>
public sealed class RecordingTelegramClient : IBotApi
{
    private readonly ConcurrentQueue<SeenMessage> _messages = new();
    private readonly ConcurrentQueue<SentCallbackAnswer> _callbackAnswers = new();
    private readonly ConcurrentQueue<SentFile> _documents = new();
    private readonly ConcurrentQueue<SentFile> _photos = new();
    private readonly ConcurrentDictionary<(long, int), IReadOnlyList<InlineKeyboardButton>> _currentButtons = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private int _nextMessageId;

    /// <summary>Makes a file downloadable by id, as Telegram keeps what a person sent.</summary>
    public void AddFile(string fileId, byte[] content) => _files[fileId] = content;

    public IReadOnlyList<SeenMessage> Messages => _messages.ToList();
    public IReadOnlyList<SentCallbackAnswer> CallbackAnswers => _callbackAnswers.ToList();
    public IReadOnlyList<SentFile> Documents => _documents.ToList();
    public IReadOnlyList<SentFile> Photos => _photos.ToList();

    public IReadOnlyList<SeenMessage> In(long chatId) => _messages.Where(m => m.ChatId == chatId).ToList();

    /// <summary>The buttons still under a message, after any edits that removed them.</summary>
    public IReadOnlyList<InlineKeyboardButton> ButtonsOf(long chatId, int messageId) =>
        _currentButtons.TryGetValue((chatId, messageId), out var buttons) ? buttons : [];

    public Task<User> GetMeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new User { Id = 42, IsBot = true, FirstName = "MentorBot", Username = "mentorbot_test" });

    public Task<IReadOnlyList<Update>> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Update>>([]);

    public Task<Message?> SendMessageAsync(long chatId, string html, ReplyMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextMessageId);
        Record(chatId, id, html, replyMarkup as InlineKeyboardMarkup, edited: false);
        return Task.FromResult<Message?>(new Message { Id = id, Chat = new Chat { Id = chatId }, Text = html });
    }

    public Task<Message?> EditMessageTextAsync(
        long chatId, int messageId, string html, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        Record(chatId, messageId, html, replyMarkup, edited: true);
        return Task.FromResult<Message?>(null);
    }

    public Task<Message?> EditMessageReplyMarkupAsync(
        long chatId, int messageId, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        _currentButtons[(chatId, messageId)] = Flatten(replyMarkup);
        return Task.FromResult<Message?>(null);
    }

    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken cancellationToken = default)
    {
        _callbackAnswers.Enqueue(new SentCallbackAnswer(callbackQueryId, text, showAlert));
        return Task.CompletedTask;
    }

    public Task DeleteMessageAsync(long chatId, int messageId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<Message?> SendDocumentAsync(
        long chatId, OutgoingFile document, string? captionHtml = null, InlineKeyboardMarkup? replyMarkup = null, CancellationToken cancellationToken = default)
    {
        _documents.Enqueue(new SentFile(chatId, document.FileName, document.Content, captionHtml));
        var id = Interlocked.Increment(ref _nextMessageId);
        Record(chatId, id, captionHtml ?? "", replyMarkup, edited: false);
        return Task.FromResult<Message?>(new Message { Id = id, Chat = new Chat { Id = chatId } });
    }

    public Task<Message?> SendPhotoAsync(long chatId, OutgoingFile photo, string? captionHtml = null, CancellationToken cancellationToken = default)
    {
        _photos.Enqueue(new SentFile(chatId, photo.FileName, photo.Content, captionHtml));
        var id = Interlocked.Increment(ref _nextMessageId);
        Record(chatId, id, captionHtml ?? "", null, edited: false);
        return Task.FromResult<Message?>(new Message { Id = id, Chat = new Chat { Id = chatId } });
    }

    public Task<byte[]> DownloadFileAsync(string fileId, long maxBytes, CancellationToken cancellationToken = default) =>
        !_files.TryGetValue(fileId, out var content) ? throw new TelegramApiException("getFile", 400, "Bad Request: invalid file_id", null)
        : content.Length > maxBytes ? throw new TelegramFileTooLargeException(maxBytes)
        : Task.FromResult(content);

    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SetWebhookAsync(string url, string secretToken, CancellationToken cancellationToken = default) => Task.CompletedTask;

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
