using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Outbound;

/// <summary>
/// Collects what a handler wants to send during one update or job run. The pipeline writes it to the outbox in the
/// same transaction as the handler's changes, so a message goes out if and only if those changes were committed; after
/// the commit it hands the rows to the sender in memory.
/// </summary>
public sealed class OutboxWriter(OutboxRepository outbox, DbSession db, OutboxSignal signal, IOptions<OutboundOptions> options)
{
    private readonly List<OutgoingMessage> _pending = [];

    public IReadOnlyList<OutgoingMessage> Pending => _pending;

    public void Send(long chatId, HtmlText text, InlineKeyboardMarkup? keyboard = null) =>
        Add(new OutgoingMessage { Kind = OutgoingKind.Send, ChatId = chatId, Text = text.Value, InlineKeyboard = keyboard });

    public void Edit(long chatId, int messageId, HtmlText text, InlineKeyboardMarkup? keyboard = null) =>
        Add(new OutgoingMessage { Kind = OutgoingKind.EditText, ChatId = chatId, MessageId = messageId, Text = text.Value, InlineKeyboard = keyboard });

    public void RemoveKeyboard(long chatId, int messageId) =>
        Add(new OutgoingMessage { Kind = OutgoingKind.EditMarkup, ChatId = chatId, MessageId = messageId });

    /// <summary>A file; Telegram takes its type from the name's extension.</summary>
    public void SendDocument(long chatId, string fileName, byte[] content, HtmlText caption, InlineKeyboardMarkup? keyboard = null) =>
        Add(new OutgoingMessage
        {
            Kind = OutgoingKind.Document, ChatId = chatId, FileName = fileName, FileContent = content, Text = caption.Value,
            InlineKeyboard = keyboard,
        });

    /// <summary>A PNG picture shown in the chat, with a short caption (Telegram allows 1,024 characters).</summary>
    public void SendPhoto(long chatId, string fileName, byte[] png, HtmlText caption) =>
        Add(new OutgoingMessage
        {
            Kind = OutgoingKind.Photo, ChatId = chatId, FileName = fileName, FileContent = png, Text = caption.Value,
        });

    public void Add(OutgoingMessage message)
    {
        var limit = options.Value.MaxMessageLength;
        if (message.Kind != OutgoingKind.Send || message.Text.Length <= limit)
        {
            _pending.Add(message);
            return;
        }
        var parts = HtmlMessageSplitter.Split(message.Text, limit);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            // The keyboard belongs under the last part, where the reader finishes.
            _pending.Add(message with
            {
                Text = parts[i],
                InlineKeyboard = last ? message.InlineKeyboard : null,
            });
        }
    }

    public async Task FlushAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var ids = await outbox.EnqueueAsync(_pending, now, cancellationToken);
        var entries = _pending.Select((message, i) => new OutboxEntry(ids[i], message, 0, NotBefore: now)).ToList();
        _pending.Clear();
        // The sender gets the rows from memory once they are durable, without reading them back.
        db.AfterCommit(() => signal.Committed(entries));
    }

    public void Discard() => _pending.Clear();
}
