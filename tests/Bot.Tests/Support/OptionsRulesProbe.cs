using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Tests.Support;

/// <summary>What an options class's rules say of its section bound from configuration: the given settings, the rest defaults.</summary>
public static class OptionsRulesProbe
{
    public static IEnumerable<string> Problems<TOptions>(IValidateOptions<TOptions> rules, string section, params (string Key, string Value)[] settings)
        where TOptions : class, new()
    {
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => $"{section}:{s.Key}", s => (string?)s.Value)).Build()
            .GetSection(section).Get<TOptions>() ?? new TOptions();
        return rules.Validate(null, options).Failures ?? [];
    }
}
