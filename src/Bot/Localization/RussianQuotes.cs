namespace MentorBot.Bot.Localization;

/// <summary>
/// Russian typography nests quotes as «…„…“…»: text a person typed (a title, a theme, a file name) may itself hold «»,
/// so every such text is wrapped here and its own «» become „“.
/// </summary>
public static class RussianQuotes
{
    public static string Quote(string? text) => "«" + (text ?? "").Replace('«', '„').Replace('»', '“') + "»";
}
