using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Conversations;

/// <summary>One update being handled: who sent it, their dialog state, and what the handler answers.</summary>
public sealed class UpdateContext(Update update, User from, long chatId, Caller caller, DateTimeOffset now, OutboxWriter outbox)
{
    public Update Update { get; } = update;
    public User From { get; } = from;
    public long UserId => From.Id;
    public long ChatId { get; } = chatId;
    /// <summary>Refreshed by a handler that changes the person's roles.</summary>
    public Caller Caller { get; set; } = caller;
    public DateTimeOffset Now { get; } = now;
    public OutboxWriter Outbox { get; } = outbox;
    public ConversationState? Conversation { get; set; }

    public Message? Message => Update.Message;
    public CallbackQuery? CallbackQuery => Update.CallbackQuery;
    /// <summary>The message that carried the pressed button.</summary>
    public Message? CallbackMessage => Update.CallbackQuery?.Message;

    /// <summary>The text of answerCallbackQuery; the pipeline always answers, with this or with nothing.</summary>
    public string? CallbackAnswer { get; private set; }
    public bool CallbackAnswerIsAlert { get; private set; }

    /// <summary>
    /// The pressed message's new text, without buttons, sent by the pipeline straight after the commit instead of
    /// through the outbox: for the farewell after an erasure, which must not leave the chat id stored behind.
    /// </summary>
    public HtmlText? CallbackMessageFinalText { get; private set; }

    public void ReplaceCallbackMessageWithoutTrace(HtmlText text) => CallbackMessageFinalText = text;

    public void Reply(HtmlText text, InlineKeyboardMarkup? keyboard = null) => Outbox.Send(ChatId, text, keyboard);

    public void AnswerCallback(string text, bool alert = false)
    {
        CallbackAnswer = text;
        CallbackAnswerIsAlert = alert;
    }

    /// <summary>Edits the message whose button was pressed, or sends a new one when there is none.</summary>
    public void EditOrReply(HtmlText text, InlineKeyboardMarkup? keyboard = null)
    {
        if (CallbackMessage is { } message)
        {
            Outbox.Edit(ChatId, message.MessageId, text, keyboard);
        }
        else
        {
            Reply(text, keyboard);
        }
    }

    /// <summary>Takes the buttons off the message whose button was pressed, so it cannot be pressed twice.</summary>
    public void RemoveCallbackKeyboard()
    {
        if (CallbackMessage is { ReplyMarkup: not null } message)
        {
            Outbox.RemoveKeyboard(ChatId, message.MessageId);
        }
    }
}
