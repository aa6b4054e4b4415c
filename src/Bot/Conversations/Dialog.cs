using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Conversations;

/// <summary>
/// The engine of a multi-step dialog. Every step's state and the draft are persisted after each answer, so a restart
/// resumes at the same step. Back walks the steps already answered; Cancel leaves without saving anything.
/// A concrete dialog also declares <see cref="IConversation"/>, whose static name C# cannot leave to a base class.
/// </summary>
public abstract class Dialog<TDraft>(ConversationRepository conversations, JsonTypeInfo<TDraft> draftJson)
    where TDraft : class
{
    public const string BackValue = "<";
    public const string CancelValue = "x";

    /// <summary>The dialog's name: the prefix of its states and of its buttons' data.</summary>
    protected abstract string DialogName { get; }

    protected abstract IReadOnlyList<DialogStep<TDraft>> Steps { get; }

    /// <summary>Stores the finished draft. The pipeline commits it together with the cleared state.</summary>
    protected abstract Task CompleteAsync(UpdateContext context, TDraft draft, CancellationToken cancellationToken);

    protected virtual HtmlText CancelledText => Texts.DialogCancelled;

    /// <summary>
    /// The last look at a finished draft against the world (an agreement's end, a time zone): a refusal sends the
    /// person back to the step it names, with the reason and with everything entered kept, instead of ending the dialog.
    /// </summary>
    protected virtual Task<StepRefusal?> CheckAsync(UpdateContext context, TDraft draft, CancellationToken cancellationToken) =>
        Task.FromResult<StepRefusal?>(null);

    /// <summary>Whether moving on to <paramref name="nextStep"/> should finish instead, e.g. when one field is edited.</summary>
    protected virtual bool FinishesBefore(TDraft draft, string nextStep) => false;

    /// <summary>Starts the dialog at its first step (or at <paramref name="step"/>) with the given draft.</summary>
    public async Task BeginAsync(UpdateContext context, TDraft draft, string? step = null, CancellationToken cancellationToken = default)
    {
        var first = step is null ? Steps[0] : FindStep(step) ?? throw new ArgumentException($"No step '{step}' in {DialogName}.");
        await SaveAsync(context, first, draft, "", cancellationToken);
        Ask(context, first, draft, hasBack: false);
    }

    public async Task HandleMessageAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(context, cancellationToken) is not var (step, draft, history))
        {
            return;
        }
        var message = context.Message!;
        var input = new StepInput(message.Text?.Trim(), null, context.Now);
        if (message.Text is null)
        {
            Ask(context, step, draft, history.Length > 0, Texts.TextExpected);
            return;
        }
        await ApplyAsync(context, step, draft, history, input, cancellationToken);
    }

    public async Task HandleCallbackAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(context, cancellationToken);
        // A button of another step, or of a dialog already finished, must not change anything.
        if (loaded is not var (step, draft, history) || data.Arg(0) != step.Name)
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        switch (data.Arg(1))
        {
            case CancelValue:
                await CancelAsync(context, cancellationToken);
                return;
            case BackValue when history.Length > 0:
                var previous = FindStep(history[^1]);
                if (previous is null)
                {
                    break;
                }
                context.RemoveCallbackKeyboard();
                await SaveAsync(context, previous, draft, string.Join(',', history[..^1]), cancellationToken);
                Ask(context, previous, draft, history.Length > 1);
                return;
        }
        await ApplyAsync(context, step, draft, history, new StepInput(null, data.Arg(1), context.Now), cancellationToken);
    }

    public async Task ResumeAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (await LoadAsync(context, cancellationToken) is var (step, draft, history))
        {
            Ask(context, step, draft, history.Length > 0, Texts.ResumeDialog);
        }
    }

    public async Task CancelAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        context.RemoveCallbackKeyboard();
        await conversations.ClearAsync(context.UserId, cancellationToken);
        context.Conversation = null;
        context.Reply(CancelledText);
    }

    private async Task ApplyAsync(UpdateContext context, DialogStep<TDraft> step, TDraft draft, string[] history, StepInput input, CancellationToken cancellationToken) =>
        await ApplyAsync(context, step, draft, history, await step.Accept(draft, input, cancellationToken), cancellationToken, input.IsChoice);

    private async Task ApplyAsync(
        UpdateContext context, DialogStep<TDraft> step, TDraft draft, string[] history, StepOutcome<TDraft> outcome, CancellationToken cancellationToken, bool byButton = false)
    {
        switch (outcome)
        {
            case StepOutcome<TDraft>.Invalid invalid:
                if (byButton)
                {
                    context.AnswerCallback(Html.ToPlainText(invalid.Reason.Value), alert: true);
                }
                else
                {
                    Ask(context, step, draft, history.Length > 0, invalid.Reason);
                }
                return;
            case StepOutcome<TDraft>.Stay stay:
                await SaveAsync(context, step, stay.Draft, string.Join(',', history), cancellationToken);
                var prompt = step.Prompt(stay.Draft);
                context.EditOrReply(prompt.Text, Keyboard(step, prompt, history.Length > 0));
                return;
            case StepOutcome<TDraft>.Next next when FinishesBefore(next.Draft, next.Step):
                await ApplyAsync(context, step, draft, history, new StepOutcome<TDraft>.Complete(next.Draft), cancellationToken);
                return;
            case StepOutcome<TDraft>.Next next:
                var target = FindStep(next.Step) ?? throw new InvalidOperationException($"No step '{next.Step}' in {DialogName}.");
                context.RemoveCallbackKeyboard();
                var newHistory = history.Append(step.Name).ToArray();
                await SaveAsync(context, target, next.Draft, string.Join(',', newHistory), cancellationToken);
                Ask(context, target, next.Draft, hasBack: true);
                return;
            case StepOutcome<TDraft>.Complete complete when await CheckAsync(context, complete.Draft, cancellationToken) is { } refusal:
                var back = FindStep(refusal.Step) ?? throw new InvalidOperationException($"No step '{refusal.Step}' in {DialogName}.");
                context.RemoveCallbackKeyboard();
                var walked = Array.IndexOf(history, back.Name) is var at and >= 0 ? history[..at] : history.Append(step.Name).Where(s => s != back.Name).ToArray();
                await SaveAsync(context, back, complete.Draft, string.Join(',', walked), cancellationToken);
                Ask(context, back, complete.Draft, walked.Length > 0, refusal.Reason);
                return;
            case StepOutcome<TDraft>.Complete complete:
                context.RemoveCallbackKeyboard();
                await conversations.ClearAsync(context.UserId, cancellationToken);
                context.Conversation = null;
                await CompleteAsync(context, complete.Draft, cancellationToken);
                return;
        }
    }

    private void Ask(UpdateContext context, DialogStep<TDraft> step, TDraft draft, bool hasBack, HtmlText? preface = null)
    {
        var prompt = step.Prompt(draft);
        var text = preface is { } before ? before + Html.Raw("\n\n") + prompt.Text : prompt.Text;
        context.Reply(text, Keyboard(step, prompt, hasBack));
    }

    private InlineKeyboardMarkup Keyboard(DialogStep<TDraft> step, StepPrompt prompt, bool hasBack)
    {
        var rows = (prompt.Buttons ?? [])
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row
                .Select(b => InlineKeyboardButton.WithCallbackData(b.Label, CallbackData.Build(DialogName, step.Name, b.Value)))
                .ToList())
            .ToList();
        var navigation = new List<InlineKeyboardButton>();
        if (hasBack)
        {
            navigation.Add(InlineKeyboardButton.WithCallbackData(Texts.BackButton, CallbackData.Build(DialogName, step.Name, BackValue)));
        }
        navigation.Add(InlineKeyboardButton.WithCallbackData(Texts.CancelButton, CallbackData.Build(DialogName, step.Name, CancelValue)));
        rows.Add(navigation);
        return new InlineKeyboardMarkup(rows);
    }

    private async Task<(DialogStep<TDraft> Step, TDraft Draft, string[] History)?> LoadAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var state = context.Conversation;
        if (state is null || state.Dialog != DialogName || FindStep(state.Step) is not { } step)
        {
            return null;
        }
        TDraft? draft;
        try
        {
            draft = state.Draft is null ? null : JsonSerializer.Deserialize(state.Draft, draftJson);
        }
        catch (JsonException)
        {
            draft = null;
        }
        if (draft is null)
        {
            // A draft from an older version of the dialog that no longer reads: start over rather than guess.
            await conversations.ClearAsync(context.UserId, cancellationToken);
            context.Conversation = null;
            context.Reply(Texts.DialogLost);
            return null;
        }
        var history = state.History.Length == 0 ? [] : state.History.Split(',');
        return (step, draft, history);
    }

    private async Task SaveAsync(UpdateContext context, DialogStep<TDraft> step, TDraft draft, string history, CancellationToken cancellationToken)
    {
        var state = new ConversationState($"{DialogName}.{step.Name}", JsonSerializer.Serialize(draft, draftJson), history);
        await conversations.SaveAsync(context.UserId, state, context.Now, cancellationToken);
        context.Conversation = state;
    }

    private DialogStep<TDraft>? FindStep(string name) => Steps.FirstOrDefault(s => s.Name == name);
}
