namespace MentorBot.Bot.Cli.Matching;

/// <summary><c>--input FILE [--output FILE]</c>, the arguments of the matching commands.</summary>
internal sealed record FileArguments(string Input, string? Output)
{
    public static FileArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? input = null, output = null;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--input" or "-i" when i + 1 < args.Count:
                    input = args[++i];
                    break;
                case "--output" or "-o" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                default:
                    problem = $"unexpected argument '{args[i]}'";
                    return null;
            }
        }
        if (string.IsNullOrWhiteSpace(input))
            problem = "--input is required";
        return problem is null ? new FileArguments(input!, output) : null;
    }
}
