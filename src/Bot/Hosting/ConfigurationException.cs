namespace MentorBot.Bot.Hosting;

/// <summary>A setting keeps the bot from starting. The message is one line that names the key; Program prints only it.</summary>
public sealed class ConfigurationException(string problem) : Exception("Configuration error: " + problem);
