using System.Globalization;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// A step that asks why: a reason from a short list, a typed one of bounded length, or, where allowed, none. Pressing
/// "I'll type it" only reminds to type; the typed text is the answer.
/// </summary>
public static class ReasonStep
{
    private const string Other = "other";
    private const string None = "none";

    public static DialogStep<TDraft> Of<TDraft>(
        string name, Func<TDraft, HtmlText> question, IReadOnlyList<string> reasons, int maxLength, string? noReasonButton, Func<TDraft, string?, TDraft> store) =>
        DialogStep<TDraft>.Of(name,
            draft =>
            {
                var buttons = reasons
                    .Select((reason, i) => (IReadOnlyList<StepButton>)[new StepButton(reason, i.ToString(CultureInfo.InvariantCulture))])
                    .Append([new StepButton(Texts.TypeReasonButton, Other)])
                    .ToList();
                if (noReasonButton is not null)
                {
                    buttons.Add([new StepButton(noReasonButton, None)]);
                }
                return new StepPrompt(question(draft), buttons);
            },
            (draft, input) =>
            {
                switch (input.Choice)
                {
                    case None when noReasonButton is not null:
                        return new StepOutcome<TDraft>.Complete(store(draft, null));
                    case Other:
                        return new StepOutcome<TDraft>.Invalid(Texts.TypeTheReason);
                    case { } index:
                        return int.TryParse(index, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < reasons.Count
                            ? new StepOutcome<TDraft>.Complete(store(draft, reasons[i]))
                            : new StepOutcome<TDraft>.Invalid(ProfileTexts.UseButtons);
                }
                var text = TextInput.Clean(input.Text);
                return text.Length switch
                {
                    0 => new StepOutcome<TDraft>.Invalid(ProfileTexts.Empty),
                    _ when text.Length > maxLength => new StepOutcome<TDraft>.Invalid(ProfileTexts.TooLong(maxLength)),
                    _ => new StepOutcome<TDraft>.Complete(store(draft, text)),
                };
            });
}
