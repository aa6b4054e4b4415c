using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Tests.Localization;

public sealed class RussianPluralTests
{
    [Theory]
    [InlineData(0, "0 лет")]
    [InlineData(1, "1 год")]
    [InlineData(2, "2 года")]
    [InlineData(4, "4 года")]
    [InlineData(5, "5 лет")]
    [InlineData(11, "11 лет")]
    [InlineData(12, "12 лет")]
    [InlineData(14, "14 лет")]
    [InlineData(21, "21 год")]
    [InlineData(22, "22 года")]
    [InlineData(25, "25 лет")]
    [InlineData(101, "101 год")]
    [InlineData(111, "111 лет")]
    public void Years_take_the_form_the_number_asks_for(int number, string expected) => Assert.Equal(expected, RussianPlural.Years(number));
}
