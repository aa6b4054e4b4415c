using MentorBot.Bot.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.ConsoleChat;

/// <summary>
/// What the terminal shows: the bot's messages as plain text, with inline buttons numbered so that "#2" presses the
/// second button of the latest message in your chat that has buttons.
/// </summary>
public sealed class ConsoleScreen(TextWriter output)
{
    private readonly Dictionary<long, (int MessageId, IReadOnlyList<InlineKeyboardButton> Buttons)> _latestButtons = new();
    private readonly Lock _lock = new();
    private int _nextMessageId;

    public int NextMessageId() => Interlocked.Increment(ref _nextMessageId);

    public void ShowMessage(long chatId, int messageId, string html, ReplyMarkup? markup, bool edited)
    {
        lock (_lock)
        {
            output.WriteLine();
            output.WriteLine($"{(edited ? "✎ бот (исправлено)" : "◆ бот")} → {chatId}:");
            output.WriteLine(Html.ToPlainText(html));
            ShowButtons(chatId, messageId, markup);
            output.Flush();
        }
    }

    public void ShowButtonsOnly(long chatId, int messageId, InlineKeyboardMarkup? markup)
    {
        lock (_lock)
        {
            if (markup is null && _latestButtons.TryGetValue(chatId, out var latest) && latest.MessageId == messageId)
            {
                _latestButtons.Remove(chatId);
            }
            else
            {
                ShowButtons(chatId, messageId, markup);
            }
        }
    }

    public void ShowNote(string text)
    {
        lock (_lock)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    /// <summary>The data of button <paramref name="number"/> (from 1) of the latest message with buttons, if any.</summary>
    public (int MessageId, InlineKeyboardButton Button)? FindButton(long chatId, int number)
    {
        lock (_lock)
        {
            return _latestButtons.TryGetValue(chatId, out var latest) && number >= 1 && number <= latest.Buttons.Count
                ? (latest.MessageId, latest.Buttons[number - 1])
                : null;
        }
    }

    private void ShowButtons(long chatId, int messageId, ReplyMarkup? markup)
    {
        switch (markup)
        {
            case InlineKeyboardMarkup inline when inline.InlineKeyboard.Any():
                var buttons = inline.InlineKeyboard.SelectMany(row => row).ToList();
                _latestButtons[chatId] = (messageId, buttons);
                var number = 0;
                foreach (var row in inline.InlineKeyboard)
                {
                    output.WriteLine("  " + string.Join("  ", row.Select(b => b.Url is null ? $"[#{++number} {b.Text}]" : $"[#{++number} {b.Text} → {b.Url}]")));
                }
                break;
            case ReplyKeyboardMarkup reply:
                output.WriteLine("  варианты ответа: " + string.Join(" | ", reply.Keyboard.SelectMany(row => row).Select(b => b.Text)));
                break;
        }
    }
}
