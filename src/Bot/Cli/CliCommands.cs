namespace MentorBot.Bot.Cli;

/// <summary>Every one-shot command of the executable, looked up by the first argument.</summary>
public static class CliCommands
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new BackupCommand(),
        new SolveCommand(),
        new MatchCommand(),
        new ImportSchoolsCommand(),
        new ImportPairsCommand(),
    ];

    public static ICliCommand? Find(IReadOnlyList<string> args) =>
        args.Count == 0 ? null : All.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
}
