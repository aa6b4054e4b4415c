using System.Text.Json;
using MentorBot.Bot.Telegram;

namespace MentorBot.Bot.Tests.Telegram;

public sealed class ReplyMarkupJsonConverterTests
{
    [Theory]
    [InlineData("""{"inline_keyboard":[[{"text":"Yes","callback_data":"yes"}]]}""", typeof(InlineKeyboardMarkup))]
    [InlineData("""{"keyboard":[[{"text":"Mentor"}]],"resize_keyboard":true,"one_time_keyboard":false}""", typeof(ReplyKeyboardMarkup))]
    [InlineData("""{"remove_keyboard":true}""", typeof(ReplyKeyboardRemove))]
    public void Each_kind_reads_back_by_its_fields_and_writes_the_same_JSON(string json, Type kind)
    {
        var markup = JsonSerializer.Deserialize(json, TelegramJsonContext.Default.ReplyMarkup);

        Assert.IsType(kind, markup);
        Assert.Equal(json, JsonSerializer.Serialize(markup, TelegramJsonContext.Default.ReplyMarkup));
    }

    [Fact]
    public void A_markup_of_no_known_kind_is_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"force_reply":true}""", TelegramJsonContext.Default.ReplyMarkup));
    }
}
