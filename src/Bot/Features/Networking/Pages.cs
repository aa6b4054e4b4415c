using MentorBot.Bot.Localization;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking;

/// <summary>Lists shown ten at a time, with ‹ and › buttons whose page number is checked against the list on every press.</summary>
public static class Pages
{
    public const int Size = 10;

    public static int Count(int total) => Math.Max(1, (total + Size - 1) / Size);

    /// <summary>Whether a page number from a button still exists in a list of <paramref name="total"/> items.</summary>
    public static bool Exists(long? page, int total) => page is { } p && p >= 1 && p <= Count(total);

    public static int Offset(int page) => (page - 1) * Size;

    /// <summary>The ‹ and › buttons around <paramref name="page"/>; empty for a single page.</summary>
    public static IReadOnlyList<InlineKeyboardButton> Navigation(int page, int total, Func<int, string> data)
    {
        var row = new List<InlineKeyboardButton>();
        if (page > 1)
        {
            row.Add(InlineKeyboardButton.WithCallbackData(NetworkingTexts.PreviousPage, data(page - 1)));
        }
        if (page < Count(total))
        {
            row.Add(InlineKeyboardButton.WithCallbackData(NetworkingTexts.NextPage, data(page + 1)));
        }
        return row;
    }
}
