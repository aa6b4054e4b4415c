using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Outbound;

/// <summary>Outbox rows keep their keyboards in the Bot API's own shape, so rows written before Telegram.Bot still read.</summary>
public sealed class OutgoingMessageJsonTests
{
    [Fact]
    public void A_row_written_before_the_library_reads_with_its_buttons()
    {
        const string payload = """
            {"Kind":0,"ChatId":5,"Text":"Вы придёте?","InlineKeyboard":{"inline_keyboard":[[{"text":"Да","callback_data":"rsvp:1:y"},{"text":"Сайт","url":"https://example.org/"}]]},"ContentType":"text/csv","IsBulk":false}
            """;

        var message = new PendingOutboxRow(1, payload, 0, false, default).Decode().Message;

        Assert.Equal((OutgoingKind.Send, 5L, "Вы придёте?"), (message.Kind, message.ChatId, message.Text));
        var buttons = message.InlineKeyboard!.InlineKeyboard.Single().ToList();
        Assert.Equal(("Да", "rsvp:1:y"), (buttons[0].Text, buttons[0].CallbackData));
        Assert.Equal(("Сайт", "https://example.org/"), (buttons[1].Text, buttons[1].Url));
    }

    [Fact]
    public void A_keyboard_is_stored_in_the_Bot_APIs_shape_and_reads_back_the_same()
    {
        var message = new OutgoingMessage
        {
            Kind = OutgoingKind.EditText, ChatId = 7, MessageId = 3, Text = "Итог",
            InlineKeyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Go", "rsvp:2:y")]]),
        };

        var payload = OutboxRepository.Serialize(message);
        var read = new PendingOutboxRow(2, payload, 0, false, default).Decode().Message;

        Assert.Contains("""{"inline_keyboard":[[{"text":"Go","callback_data":"rsvp:2:y"}]]}""", payload, StringComparison.Ordinal);
        Assert.Equal(3, read.MessageId);
        Assert.Equal("rsvp:2:y", read.InlineKeyboard!.InlineKeyboard.Single().Single().CallbackData);
    }
}
