namespace MentorBot.Bot.Hosting;

/// <summary>A setting keeps the bot from starting. The message is one line that names the key; Program prints only it.</summary>
public sealed class ConfigurationException(string problem) : Exception("Configuration error: " + problem);

/// <summary>
/// The database cannot be opened or written at start (a missing directory, a read-only file, a server down). One
/// line for the operator; exit code 1, since it may pass (a mount that comes up later) and a supervisor should retry.
/// </summary>
public sealed class DatabaseUnavailableException(string problem) : Exception(problem);
