using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Conversations;

/// <summary>A button under a step's question; its value comes back to the step as the answer.</summary>
public sealed record StepButton(string Label, string Value);

/// <summary>A step's question and its buttons, one inner list per row.</summary>
public sealed record StepPrompt(HtmlText Text, IReadOnlyList<IReadOnlyList<StepButton>>? Buttons = null);

/// <summary>What the person answered (typed text or a pressed button), and when, for steps that check dates.</summary>
public readonly record struct StepInput(string? Text, string? Choice, DateTimeOffset Now = default)
{
    public bool IsText => Text is not null;
    public bool IsChoice => Choice is not null;
}

/// <summary>What a step decided about an answer.</summary>
public abstract record StepOutcome<TDraft>
{
    private StepOutcome() { }

    /// <summary>Refused: the text says why, and the same question is asked again.</summary>
    public sealed record Invalid(HtmlText Reason) : StepOutcome<TDraft>;

    /// <summary>Accepted, but the step goes on (a multi-select toggle); the question is redrawn.</summary>
    public sealed record Stay(TDraft Draft) : StepOutcome<TDraft>;

    public sealed record Next(TDraft Draft, string Step) : StepOutcome<TDraft>;

    /// <summary>The dialog is done; the draft goes to the dialog's completion.</summary>
    public sealed record Complete(TDraft Draft) : StepOutcome<TDraft>;
}

/// <summary>A finished draft sent back to one of its steps, with the reason the person reads.</summary>
public sealed record StepRefusal(string Step, HtmlText Reason);

/// <summary>
/// One named step of a dialog: it validates the answer, stores it in the draft, and names the next step.
/// </summary>
public sealed record DialogStep<TDraft>(
    string Name,
    Func<TDraft, StepPrompt> Prompt,
    Func<TDraft, StepInput, CancellationToken, ValueTask<StepOutcome<TDraft>>> Accept)
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "A step's draft type is named once, where the dialog lists its steps.")]
    public static DialogStep<TDraft> Of(string name, Func<TDraft, StepPrompt> prompt, Func<TDraft, StepInput, StepOutcome<TDraft>> accept) =>
        new(name, prompt, (draft, input, _) => ValueTask.FromResult(accept(draft, input)));
}
