namespace MentorBot.Matching;

/// <summary>The input to the engine or the solver is malformed; the message names the offending item.</summary>
public sealed class MatchingInputException(string message) : ArgumentException(message);
