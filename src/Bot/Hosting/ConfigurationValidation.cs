using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// Turns a failure of the options pattern into one line naming its key, so that a mistake stops the bot before anything
/// starts rather than surfacing later: as a stack trace, as a console chat silently started on a server, as a district
/// clock in UTC. The rules themselves are each options class's own (<see cref="OptionsRules{T}"/>), checked by
/// <c>ValidateOnStart</c>.
/// </summary>
public static partial class ConfigurationValidation
{
    /// <summary>
    /// Binds and validates every options class registered with <c>ValidateOnStart</c> now, turning the first failure
    /// into one line naming its key: a value that does not convert ('25:00' for a time, 'Funday' for a day) or a rule
    /// the class's validation states.
    /// </summary>
    public static void ValidateOptions(IStartupValidator validator)
    {
        try
        {
            validator.Validate();
        }
        catch (Exception error) when (Problems(error).FirstOrDefault() is { } problem)
        {
            throw new ConfigurationException(problem);
        }
    }

    /// <summary>Runs a registration that reads settings itself (a mode, a provider), turning a value that does not convert into one line.</summary>
    public static void WhileRegistering(Action register)
    {
        try
        {
            register();
        }
        catch (InvalidOperationException error) when (Problems(error).FirstOrDefault() is { } problem)
        {
            throw new ConfigurationException(problem);
        }
    }

    /// <summary>Every problem an options failure holds, each a sentence naming its key; empty for any other exception.</summary>
    public static IEnumerable<string> Problems(Exception error) => error switch
    {
        AggregateException many => many.InnerExceptions.SelectMany(Problems),
        OptionsValidationException invalid => invalid.Failures.DefaultIfEmpty(invalid.Message),
        InvalidOperationException binding when NotConverted().Match(binding.Message) is { Success: true } match => [Unconverted(match, binding.Message)],
        _ => [],
    };

    /// <summary>
    /// The binder's own message names the key and the type, e.g. "Failed to convert configuration value 'many' at
    /// 'Outbound:MaxAttempts' to type 'System.Int32'."; for a choice among names, the names are worth more.
    /// </summary>
    private static string Unconverted(Match match, string message)
    {
        var typeName = match.Groups["type"].Value;
        var type = Type.GetType(typeName) ?? typeof(ConfigurationValidation).Assembly.GetType(typeName);
        if (type is not { IsEnum: true })
        {
            return message;
        }
        var names = Enum.GetNames(type);
        var choice = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        return $"{match.Groups["key"].Value} must be {choice}, not '{match.Groups["value"].Value}'.";
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex NotConverted();
}
