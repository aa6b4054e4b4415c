using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Registration;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Profiles;

/// <summary>/profile: the profile card, with a button for each field that opens its registration step again.</summary>
public sealed class ProfileCommand(PeopleRepository people, Taxonomy taxonomy, Districts districts) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("profile", "моя анкета и её изменение", Audience.Directors | Audience.PendingFlagship);

    private static readonly (ProfileField Field, string Label)[] CommonFields =
    [
        (ProfileField.FullName, "ФИО"), (ProfileField.Position, "Должность"), (ProfileField.School, "Школа"),
        (ProfileField.District, "Район"), (ProfileField.Settlement, "Нас. пункт"), (ProfileField.SettlementKind, "Тип школы"),
        (ProfileField.SizeBand, "Размер"), (ProfileField.SchoolStatus, "Статус"), (ProfileField.Years, "Стаж"),
    ];

    private static readonly (ProfileField Field, string Label)[] YoungFields =
        [(ProfileField.Deficits, "Дефициты"), (ProfileField.Offers, "Чем поделюсь"), (ProfileField.Note, "О себе")];

    private static readonly (ProfileField Field, string Label)[] FlagshipFields =
    [
        (ProfileField.Strengths, "Сильные стороны"), (ProfileField.Capacity, "Число подопечных"),
        (ProfileField.WantsToLearn, "Чему научиться"), (ProfileField.Note, "О себе"),
    ];

    public static IReadOnlyList<ProfileField> EditableFields(DirectorRole role) =>
        CommonFields.Concat(role == DirectorRole.Young ? YoungFields : FlagshipFields).Select(f => f.Field).ToList();

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(context.UserId, cancellationToken) is not { } profile)
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        var fields = CommonFields.Concat(profile.Role == DirectorRole.Young ? YoungFields : FlagshipFields);
        var rows = fields
            .Select(f => InlineKeyboardButton.WithCallbackData("✎ " + f.Label, CallbackData.Build(EditProfileCallback.Prefix, f.Field)))
            .Chunk(3)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .ToList();
        context.Reply(ProfileTexts.Card(profile, taxonomy, districts), new InlineKeyboardMarkup(rows));
    }
}

/// <summary>"✎ field": edits one field through the same validated step registration uses.</summary>
public sealed class EditProfileCallback(PeopleRepository people, RegistrationDialog registration) : ICallbackHandler
{
    public static string Prefix => "prof";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var profile = await people.FindAsync(context.UserId, cancellationToken);
        if (profile is null || !Enum.TryParse<ProfileField>(data.Arg(0), out var field) || !ProfileCommand.EditableFields(profile.Role).Contains(field))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        if (context.Conversation is not null)
        {
            context.AnswerCallback(Html.ToPlainText(Texts.FinishDialogFirst.Value), alert: true);
            return;
        }
        await registration.BeginAsync(context, RegistrationDraft.From(profile, field), RegistrationDialog.FirstStepOf(field), cancellationToken);
    }
}
