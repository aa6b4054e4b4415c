using System.Text.Json;
using System.Text.Json.Serialization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Schools;

/// <summary>
/// The file's schools wait in the conversation between the preview and the confirmation, so a rejected or
/// cancelled file leaves nothing behind; the registry is compared again when the coordinator confirms.
/// </summary>
public sealed record SchoolImportDraft(
    IReadOnlyList<string> AllowedDistricts,
    string? District = null,
    string? FileName = null,
    int RowsRead = 0,
    IReadOnlyList<School>? Schools = null,
    int Revision = 0);

[JsonSerializable(typeof(SchoolImportDraft))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class SchoolImportJsonContext : JsonSerializerContext;

/// <summary>/import_schools: the coordinator sends the district's registry as XLSX or CSV, sees what would change, and confirms.</summary>
public sealed class SchoolImportDialog(
    ConversationRepository conversations,
    SchoolImport import,
    IBotApi telegram,
    Districts districts,
    IOptions<SchoolsOptions> options,
    ILogger<SchoolImportDialog> logger) : IConversation, ICommandHandler
{
    private const string DistrictStep = "district";
    private const string FileStep = "file";
    private const string ConfirmStep = "confirm";
    private const string ApplyValue = "ok";
    private const string CancelValue = "no";

    public static string Name => "schools";

    public static CommandRoute Route { get; } = new("import_schools", "загрузить реестр школ района (XLSX или CSV)", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var allowed = context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList();
        var draft = new SchoolImportDraft(allowed);
        if (allowed.Count == 1)
        {
            await SaveAsync(context, FileStep, draft with { District = allowed[0] }, cancellationToken);
            context.Reply(SchoolTexts.SendFile(districts.Name(allowed[0])));
            return;
        }
        await SaveAsync(context, DistrictStep, draft, cancellationToken);
        context.Reply(SchoolTexts.ChooseDistrict, DistrictKeyboard(allowed));
    }

    public async Task HandleMessageAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (Load(context) is not var (step, draft))
        {
            return;
        }
        if (step == DistrictStep)
        {
            context.Reply(SchoolTexts.ChooseDistrict, DistrictKeyboard(draft.AllowedDistricts));
            return;
        }
        // A forged update may carry a document without a file id; nothing could be downloaded for it.
        if (context.Message?.Document is not { FileId.Length: > 0 } document || draft.District is not { } district)
        {
            if (step == ConfirmStep)
            {
                context.Reply(SchoolTexts.ConfirmOrSendAnother, ConfirmKeyboard(draft.Revision));
                return;
            }
            context.Reply(SchoolTexts.FileExpected);
            return;
        }
        var fileName = document.FileName ?? "файл";
        var content = await DownloadAsync(context, document, cancellationToken);
        if (content is null)
        {
            return;
        }
        SchoolRoster roster;
        try
        {
            roster = SchoolRoster.From(SchoolSheet.Read(content, fileName, options.Value));
        }
        catch (SchoolFileException rejected)
        {
            context.Reply(rejected.Reason + Html.Raw("\n\n") + SchoolTexts.SendAgain);
            return;
        }
        if (!roster.IsValid)
        {
            context.Reply(SchoolTexts.RowsRejected(fileName, roster) + Html.Raw("\n\n") + SchoolTexts.SendAgain);
            return;
        }
        var plan = await import.PlanAsync(district, roster, cancellationToken);
        // Each preview has its own revision, so the buttons of an older preview cannot apply a newer file.
        var staged = draft with { FileName = fileName, RowsRead = roster.RowsRead, Schools = roster.Schools, Revision = draft.Revision + 1 };
        context.Reply(SchoolTexts.Preview(fileName, districts.Name(district), plan), plan.HasChanges ? ConfirmKeyboard(staged.Revision) : null);
        if (plan.HasChanges)
        {
            await SaveAsync(context, ConfirmStep, staged, cancellationToken);
        }
        else
        {
            await ClearAsync(context, cancellationToken);
        }
    }

    public async Task HandleCallbackAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var loaded = Load(context);
        switch (data.Arg(0))
        {
            case DistrictStep when loaded is (DistrictStep, var draft) && data.Arg(1) is { Length: > 0 } code
                                   && draft.AllowedDistricts.Contains(code) && context.Caller.Coordinates(code):
                context.RemoveCallbackKeyboard();
                await SaveAsync(context, FileStep, draft with { District = code }, cancellationToken);
                context.Reply(SchoolTexts.SendFile(districts.Name(code)));
                return;
            case ApplyValue when loaded is (ConfirmStep, { District: { } district, Schools: { } schools } draft) && data.LongArg(1) == draft.Revision:
                context.RemoveCallbackKeyboard();
                await ClearAsync(context, cancellationToken);
                if (!context.Caller.Coordinates(district))
                {
                    context.Reply(Texts.NotAllowed);
                    return;
                }
                // Compared again: the registry may have changed since the preview (another coordinator's import).
                var plan = await import.PlanAsync(district, new SchoolRoster(draft.RowsRead, schools, []), cancellationToken);
                await import.ApplyAsync(plan, context.Now, cancellationToken);
                logger.RegistryImported(district, context.UserId, plan.Added.Count, plan.Changed.Count, plan.Removed.Count, plan.Closed.Count);
                context.Reply(SchoolTexts.Applied(districts.Name(district), plan));
                return;
            case CancelValue when loaded is (ConfirmStep, var draft) && data.LongArg(1) == draft.Revision:
                context.RemoveCallbackKeyboard();
                await ClearAsync(context, cancellationToken);
                context.Reply(SchoolTexts.Cancelled);
                return;
            default:
                context.RemoveCallbackKeyboard();
                context.AnswerCallback(SchoolTexts.ImportGone.Value);
                return;
        }
    }

    public Task ResumeAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        switch (Load(context))
        {
            case (DistrictStep, var draft):
                context.Reply(SchoolTexts.ChooseDistrict, DistrictKeyboard(draft.AllowedDistricts));
                break;
            case (FileStep, { District: { } district }):
                context.Reply(SchoolTexts.SendFile(districts.Name(district)));
                break;
            case (ConfirmStep, var draft):
                context.Reply(SchoolTexts.ConfirmOrSendAnother, ConfirmKeyboard(draft.Revision));
                break;
        }
        return Task.CompletedTask;
    }

    private async Task<byte[]?> DownloadAsync(UpdateContext context, Document document, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        try
        {
            // Telegram states the size: a file known to be too large is refused without downloading it.
            return document.FileSize > limit
                ? throw new TelegramFileTooLargeException(limit)
                : await telegram.DownloadFileAsync(document.FileId, limit, cancellationToken);
        }
        catch (TelegramFileTooLargeException)
        {
            context.Reply(SchoolTexts.FileTooLarge(limit) + Html.Raw("\n\n") + SchoolTexts.SendAgain);
        }
        catch (Exception error) when (error is TelegramApiException or TelegramTransportException)
        {
            logger.RegistryFileNotDownloaded(error, context.UserId);
            context.Reply(SchoolTexts.DownloadFailed);
        }
        return null;
    }

    private static (string Step, SchoolImportDraft Draft)? Load(UpdateContext context)
    {
        if (context.Conversation is not { } state || state.Dialog != Name || state.Draft is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(state.Draft, SchoolImportJsonContext.Default.SchoolImportDraft) is { } draft ? (state.Step, draft) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task SaveAsync(UpdateContext context, string step, SchoolImportDraft draft, CancellationToken cancellationToken)
    {
        var state = new ConversationState($"{Name}.{step}", JsonSerializer.Serialize(draft, SchoolImportJsonContext.Default.SchoolImportDraft), "");
        await conversations.SaveAsync(context.UserId, state, context.Now, cancellationToken);
        context.Conversation = state;
    }

    private async Task ClearAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        await conversations.ClearAsync(context.UserId, cancellationToken);
        context.Conversation = null;
    }

    private InlineKeyboardMarkup DistrictKeyboard(IReadOnlyList<string> allowed) => new(
        allowed.Select(code => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(districts.Name(code), CallbackData.Build(Name, DistrictStep, code))]).ToList());

    private static InlineKeyboardMarkup ConfirmKeyboard(int revision) => new(
    [
        [
            InlineKeyboardButton.WithCallbackData(SchoolTexts.ApplyButton, CallbackData.Build(Name, ApplyValue, revision)),
            InlineKeyboardButton.WithCallbackData(SchoolTexts.CancelButton, CallbackData.Build(Name, CancelValue, revision)),
        ],
    ]);
}

/// <summary>Source-generated log messages of this file.</summary>
internal static partial class SchoolImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "School registry of {District} imported by {UserId}: {Added} added, {Changed} changed, {Removed} removed, {Closed} closed")]
    public static partial void RegistryImported(this ILogger logger, string district, long userId, int added, int changed, int removed, int closed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A school registry file of {UserId} could not be downloaded")]
    public static partial void RegistryFileNotDownloaded(this ILogger logger, Exception error, long userId);
}
