using MentorBot.Matching.Proposals;

namespace MentorBot.Matching.Suggestions;

/// <summary>The best flagships for one young director, best first; when there are none, why.</summary>
public sealed record MenteeSuggestions(string MenteeId, IReadOnlyList<Suggestion> Suggestions, UnmatchedCause? WhyNone, string? WhyNoneReason);

/// <param name="Reason">Why this flagship, in Russian, e.g. «закрывает 2 из 3 ваших дефицитов: …; тот же район».</param>
public sealed record Suggestion(string MentorId, double Score, string Reason);
