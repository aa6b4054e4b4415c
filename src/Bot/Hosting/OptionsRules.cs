using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// The rules of one options class, checked with every other class's at start (<c>ValidateOnStart</c>): each problem is
/// a sentence naming its key, and the first one stops the start as one line (see <see cref="ConfigurationValidation"/>).
/// </summary>
public abstract class OptionsRules<T> : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;

    protected abstract IEnumerable<string> Problems(T options);

    protected static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    protected static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
