namespace MentorBot.Matching.Scoring;

/// <summary>Russian noun forms after a number: 1 место, 2 места, 5 мест.</summary>
internal static class RussianNumerals
{
    public static string Agree(int count, string one, string few, string many)
    {
        var lastTwo = Math.Abs(count) % 100;
        var last = lastTwo % 10;
        var form = lastTwo is >= 11 and <= 14 ? many : last switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
        return $"{count} {form}";
    }
}
