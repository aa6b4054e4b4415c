namespace MentorBot.Bot.Localization;

/// <summary>A number with its noun in the form Russian grammar asks for: 1 год, 2 года, 5 лет, 11 лет, 21 год.</summary>
public static class RussianPlural
{
    /// <param name="one">the form after 1, 21, 31… («год»)</param>
    /// <param name="few">after 2–4, 22–24… («года»)</param>
    /// <param name="many">after 0, 5–20, 25–30… («лет»)</param>
    public static string Of(long number, string one, string few, string many)
    {
        var n = Math.Abs(number);
        var form = (n % 100) is >= 11 and <= 14 ? many : (n % 10) switch
        {
            1 => one,
            2 or 3 or 4 => few,
            _ => many,
        };
        return $"{number.ToString(System.Globalization.CultureInfo.InvariantCulture)} {form}";
    }

    public static string Years(long number) => Of(number, "год", "года", "лет");

    public static string Days(long number) => Of(number, "день", "дня", "дней");
}
