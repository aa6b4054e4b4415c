using System.Text.Json.Serialization;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Tests.Support;

public sealed record SurveyDraft(string? Name = null, string? Colour = null);

[JsonSerializable(typeof(SurveyDraft))]
internal sealed partial class SurveyJsonContext : JsonSerializerContext;

/// <summary>A three-step test dialog (text, buttons, number) for the dialog engine's tests.</summary>
public sealed class SurveyDialog(ConversationRepository conversations)
    : Dialog<SurveyDraft>(conversations, SurveyJsonContext.Default.SurveyDraft), IConversation
{
    public static string Name => "survey";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<SurveyDraft>> Steps { get; } =
    [
        DialogStep<SurveyDraft>.Of("name", _ => new StepPrompt(Html.Raw("Как вас зовут?")), (draft, input) =>
            string.IsNullOrWhiteSpace(input.Text)
                ? new StepOutcome<SurveyDraft>.Invalid(Html.Raw("Имя не может быть пустым."))
                : new StepOutcome<SurveyDraft>.Next(draft with { Name = input.Text }, "colour")),
        DialogStep<SurveyDraft>.Of("colour", _ => new StepPrompt(Html.Raw("Любимый цвет?"), [[new("Синий", "blue"), new("Зелёный", "green")]]), (draft, input) =>
            input.Choice is "blue" or "green"
                ? new StepOutcome<SurveyDraft>.Next(draft with { Colour = input.Choice }, "number")
                : new StepOutcome<SurveyDraft>.Invalid(Html.Raw("Выберите цвет кнопкой."))),
        DialogStep<SurveyDraft>.Of("number", _ => new StepPrompt(Html.Raw("Любимое число?")), (draft, input) =>
            int.TryParse(input.Text, out _)
                ? new StepOutcome<SurveyDraft>.Complete(draft)
                : new StepOutcome<SurveyDraft>.Invalid(Html.Raw("Нужно число."))),
    ];

    protected override Task CompleteAsync(UpdateContext context, SurveyDraft draft, CancellationToken cancellationToken)
    {
        context.Reply(Html.Format($"Готово: {draft.Name}, {draft.Colour}"));
        return Task.CompletedTask;
    }
}

public sealed class SurveyCommand(SurveyDialog dialog) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("survey", "тестовый опрос", Audience.Anyone);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken) =>
        dialog.BeginAsync(context, new SurveyDraft(), cancellationToken: cancellationToken);
}
