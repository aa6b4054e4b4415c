using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorBot.Matching;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Bot.Cli.Matching;

/// <summary>
/// A command that reads one JSON file, computes, and writes JSON to a file or to standard output.
/// Whatever is wrong with the input ends as one line on standard error and exit code 1; bad arguments as exit code 2.
/// </summary>
internal abstract class JsonFileCommand<TInput, TOutput> : ICliCommand
    where TInput : class
{
    public abstract string Name { get; }

    /// <summary>The command line, for the usage message.</summary>
    protected abstract string Usage { get; }

    protected abstract JsonTypeInfo<TInput> InputType { get; }
    protected abstract JsonTypeInfo<TOutput> OutputType { get; }

    /// <exception cref="MatchingInputException">The input is malformed; the message names the item.</exception>
    protected abstract TOutput Compute(TInput input, IConfiguration configuration);

    /// <summary>One line for the console when the result went to a file.</summary>
    protected abstract string Summary(TOutput output);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        if (FileArguments.Parse(args, out var problem) is not { } files)
        {
            await context.Error.WriteLineAsync($"{Name}: {problem}. Usage: {Usage}");
            return 2;
        }

        TInput? input;
        try
        {
            await using var stream = File.OpenRead(files.Input);
            input = await JsonSerializer.DeserializeAsync(stream, InputType, cancellationToken);
        }
        catch (JsonException error)
        {
            return await Fail(context, $"{files.Input}: not valid input JSON: {error.Message}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return await Fail(context, $"cannot read {files.Input}: {error.Message}");
        }

        TOutput output;
        try
        {
            output = Compute(input ?? throw new MatchingInputException("expected a JSON object"), context.Configuration);
        }
        catch (MatchingInputException error)
        {
            return await Fail(context, $"{files.Input}: {error.Message}");
        }

        var json = JsonSerializer.Serialize(output, OutputType);
        if (files.Output is null)
        {
            await context.Out.WriteLineAsync(json);
            return 0;
        }
        try
        {
            await File.WriteAllTextAsync(files.Output, json + Environment.NewLine, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return await Fail(context, $"cannot write {files.Output}: {error.Message}");
        }
        await context.Out.WriteLineAsync($"{Summary(output)}; written to {files.Output}");
        return 0;
    }

    private async Task<int> Fail(CliContext context, string message)
    {
        await context.Error.WriteLineAsync($"{Name}: {message}");
        return 1;
    }

    /// <summary>The value, or an error naming the missing item.</summary>
    protected static T Required<T>(T? value, string path) where T : class =>
        value ?? throw new MatchingInputException($"{path}: missing");

    protected static T Required<T>(T? value, string path) where T : struct =>
        value ?? throw new MatchingInputException($"{path}: missing");
}
