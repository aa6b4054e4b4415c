using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.Networking;

/// <summary>A dialog step choosing deficit codes: each press toggles one, «Готово» moves on once enough are chosen.</summary>
public static class CodeChoice
{
    private const string Done = "done";

    public static DialogStep<TDraft> Step<TDraft>(
        string name,
        Taxonomy taxonomy,
        Func<int, HtmlText> question,
        Func<TDraft, IReadOnlyList<string>> selected,
        Func<TDraft, IReadOnlyList<string>, TDraft> store,
        string next,
        int max) =>
        DialogStep<TDraft>.Of(name,
            draft =>
            {
                var chosen = selected(draft);
                var rows = taxonomy.Entries
                    .Select(e => (IReadOnlyList<StepButton>)[new StepButton((chosen.Contains(e.Code) ? "✓ " : "") + e.Label, e.Code)])
                    .Append([new StepButton(ProfileTexts.DoneButton, Done)])
                    .ToList();
                return new StepPrompt(question(chosen.Count), rows);
            },
            (draft, input) =>
            {
                var chosen = selected(draft).ToList();
                if (input.Choice == Done)
                {
                    return chosen.Count == 0
                        ? new StepOutcome<TDraft>.Invalid(NetworkingTexts.CodesRange(max))
                        : new StepOutcome<TDraft>.Next(draft, next);
                }
                if (input.Choice is not { } code || !taxonomy.Contains(code))
                {
                    return new StepOutcome<TDraft>.Invalid(ProfileTexts.UseButtons);
                }
                if (!chosen.Remove(code))
                {
                    if (chosen.Count >= max)
                    {
                        return new StepOutcome<TDraft>.Invalid(NetworkingTexts.CodesRange(max));
                    }
                    chosen.Add(code);
                }
                return new StepOutcome<TDraft>.Stay(store(draft, chosen));
            });
}
