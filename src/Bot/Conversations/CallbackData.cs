namespace MentorBot.Bot.Conversations;

/// <summary>
/// Inline button data, <c>prefix:arg:arg…</c>, at most 64 bytes as Telegram requires. Built and parsed only here;
/// whoever handles it still checks it against the current state, since any client can forge it.
/// </summary>
public sealed record CallbackData(string Prefix, IReadOnlyList<string> Args)
{
    public const int MaxBytes = 64;
    private const char Separator = ':';

    public string Arg(int index) => index < Args.Count ? Args[index] : "";

    public long? LongArg(int index) =>
        long.TryParse(Arg(index), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Build(string prefix, params object[] args)
    {
        var parts = new[] { prefix }.Concat(args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        var data = string.Join(Separator, parts);
        if (System.Text.Encoding.UTF8.GetByteCount(data) > MaxBytes || parts.Any(p => p.Contains(Separator, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Callback data for '{prefix}' must be at most {MaxBytes} bytes without '{Separator}' in its parts.");
        }
        return data;
    }

    public static CallbackData? TryParse(string? data)
    {
        if (string.IsNullOrEmpty(data) || System.Text.Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            return null;
        }
        var parts = data.Split(Separator);
        return parts[0].Length == 0 ? null : new CallbackData(parts[0], parts[1..]);
    }
}
