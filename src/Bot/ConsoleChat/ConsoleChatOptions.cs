namespace MentorBot.Bot.ConsoleChat;

/// <summary>The "ConsoleChat" section: who you are when the terminal chat starts.</summary>
public sealed class ConsoleChatOptions
{
    public const string Section = "ConsoleChat";

    public long UserId { get; set; } = 1001;

    public string FirstName { get; set; } = "Гость";

    /// <summary>Where documents the bot sends (exports, /my_data) are written.</summary>
    public string FilesDirectory { get; set; } = "console-files";
}
