using System.Text.Json;
using System.Text.Json.Serialization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.DesignatedPairs;

/// <summary>
/// The list's pairs wait in the conversation between the preview and the confirmation, so a rejected or cancelled list
/// leaves nothing behind; the list is checked again when the coordinator confirms.
/// </summary>
public sealed record DesignatedPairImportDraft(
    IReadOnlyList<string> AllowedDistricts,
    string? District = null,
    string? Source = null,
    int LinesRead = 0,
    IReadOnlyList<PairEntry>? Pairs = null,
    int Revision = 0);

[JsonSerializable(typeof(DesignatedPairImportDraft))]
internal sealed partial class DesignatedPairImportJsonContext : JsonSerializerContext;

/// <summary>/import_pairs: the coordinator sends the forum resolution's pairs as a list or a file, sees what would change, and confirms.</summary>
public sealed class DesignatedPairImportDialog(
    ConversationRepository conversations,
    DesignatedPairImport import,
    DesignatedPairProposals proposals,
    IBotApi telegram,
    Districts districts,
    IOptions<SchoolsOptions> options,
    ILogger<DesignatedPairImportDialog> logger) : IConversation, ICommandHandler
{
    private const string DistrictStep = "district";
    private const string ListStep = "list";
    private const string ConfirmStep = "confirm";
    private const string ApplyValue = "ok";
    private const string CancelValue = "no";

    public static string Name => "dpimp";

    public static CommandRoute Route { get; } = new("import_pairs", "загрузить пары по решению форума (список или файл)", Audience.Coordinator);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var allowed = context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList();
        var draft = new DesignatedPairImportDraft(allowed);
        if (allowed.Count == 1)
        {
            await SaveAsync(context, ListStep, draft with { District = allowed[0] }, cancellationToken);
            context.Reply(DesignatedPairTexts.SendList(districts.Name(allowed[0])));
            return;
        }
        await SaveAsync(context, DistrictStep, draft, cancellationToken);
        context.Reply(DesignatedPairTexts.ChooseDistrict, DistrictKeyboard(allowed));
    }

    public async Task HandleMessageAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (Load(context) is not var (step, draft))
        {
            return;
        }
        if (step == DistrictStep || draft.District is not { } district)
        {
            context.Reply(DesignatedPairTexts.ChooseDistrict, DistrictKeyboard(draft.AllowedDistricts));
            return;
        }
        PairList list;
        string source;
        if (context.Message?.Document is { FileId.Length: > 0 } document)
        {
            source = document.FileName ?? "файл";
            var content = await DownloadAsync(context, document, cancellationToken);
            if (content is null)
            {
                return;
            }
            try
            {
                list = PairList.FromSheet(SchoolSheet.Read(content, source, options.Value));
            }
            catch (SchoolFileException rejected)
            {
                context.Reply(ForPairs(rejected.Reason) + Html.Raw("\n\n") + DesignatedPairTexts.SendAgain);
                return;
            }
        }
        else if (context.Message?.Text is { Length: > 0 } text && !text.StartsWith('/'))
        {
            source = "";
            list = PairList.FromText(text);
        }
        else
        {
            context.Reply(step == ConfirmStep ? DesignatedPairTexts.ConfirmOrSendAnother : DesignatedPairTexts.ListExpected,
                step == ConfirmStep ? ConfirmKeyboard(draft.Revision) : null);
            return;
        }
        var plan = await import.PlanAsync(district, list, cancellationToken);
        if (plan.NoRegistry)
        {
            await ClearAsync(context, cancellationToken);
            context.Reply(DesignatedPairTexts.NoRegistry(districts.Name(district)));
            return;
        }
        if (!plan.IsValid)
        {
            context.Reply(DesignatedPairTexts.Rejected(source, list.LinesRead, plan.Problems) + Html.Raw("\n\n") + DesignatedPairTexts.SendAgain);
            return;
        }
        // Each preview has its own revision, so the buttons of an older preview cannot apply a newer list.
        var staged = draft with { Source = source, LinesRead = list.LinesRead, Pairs = list.Pairs, Revision = draft.Revision + 1 };
        context.Reply(DesignatedPairTexts.Preview(source, districts.Name(district), plan), plan.HasChanges ? ConfirmKeyboard(staged.Revision) : null);
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
                await SaveAsync(context, ListStep, draft with { District = code }, cancellationToken);
                context.Reply(DesignatedPairTexts.SendList(districts.Name(code)));
                return;
            case ApplyValue when loaded is (ConfirmStep, { District: { } district, Pairs: { } entries } draft) && data.LongArg(1) == draft.Revision:
                context.RemoveCallbackKeyboard();
                await ClearAsync(context, cancellationToken);
                if (!context.Caller.Coordinates(district))
                {
                    context.Reply(Texts.NotAllowed);
                    return;
                }
                // Checked again: the registry, the profiles or the pairs may have changed since the preview.
                var plan = await import.PlanAsync(district, new PairList(draft.LinesRead, entries, []), cancellationToken);
                if (!plan.IsValid)
                {
                    context.Reply(plan.NoRegistry
                        ? DesignatedPairTexts.NoRegistry(districts.Name(district))
                        : DesignatedPairTexts.Rejected(draft.Source ?? "", draft.LinesRead, plan.Problems) + Html.Raw("\n\n") + DesignatedPairTexts.SendAgain);
                    return;
                }
                await import.ApplyAsync(plan, context.Now, cancellationToken);
                foreach (var pair in plan.Withdrawn)
                {
                    proposals.TellWithdrawn(pair);
                }
                var proposed = await proposals.ProposeReadyAsync(district, context.Now, cancellationToken);
                logger.PairsImported(district, context.UserId, plan.Added.Count, plan.Withdrawn.Count, proposed);
                context.Reply(DesignatedPairTexts.Applied(districts.Name(district), plan, proposed));
                return;
            case CancelValue when loaded is (ConfirmStep, var draft) && data.LongArg(1) == draft.Revision:
                context.RemoveCallbackKeyboard();
                await ClearAsync(context, cancellationToken);
                context.Reply(DesignatedPairTexts.Cancelled);
                return;
            default:
                context.RemoveCallbackKeyboard();
                context.AnswerCallback(DesignatedPairTexts.ImportGone.Value);
                return;
        }
    }

    public Task ResumeAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        switch (Load(context))
        {
            case (DistrictStep, var draft):
                context.Reply(DesignatedPairTexts.ChooseDistrict, DistrictKeyboard(draft.AllowedDistricts));
                break;
            case (ListStep, { District: { } district }):
                context.Reply(DesignatedPairTexts.SendList(districts.Name(district)));
                break;
            case (ConfirmStep, var draft):
                context.Reply(DesignatedPairTexts.ConfirmOrSendAnother, ConfirmKeyboard(draft.Revision));
                break;
        }
        return Task.CompletedTask;
    }

    /// <summary>The registry's file texts speak of «реестр»; for a list of pairs, what stays unchanged is the pairs.</summary>
    private static HtmlText ForPairs(HtmlText reason) =>
        Html.Raw(reason.Value.Replace("Реестр не изменён.", "Закреплённые пары не изменены.", StringComparison.Ordinal));

    private async Task<byte[]?> DownloadAsync(UpdateContext context, Document document, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        try
        {
            return document.FileSize > limit
                ? throw new TelegramFileTooLargeException(limit)
                : await telegram.DownloadFileAsync(document.FileId, limit, cancellationToken);
        }
        catch (TelegramFileTooLargeException)
        {
            context.Reply(ForPairs(SchoolTexts.FileTooLarge(limit)) + Html.Raw("\n\n") + DesignatedPairTexts.SendAgain);
        }
        catch (Exception error) when (error is TelegramApiException or TelegramTransportException)
        {
            logger.PairsFileNotDownloaded(error, context.UserId);
            context.Reply(SchoolTexts.DownloadFailed);
        }
        return null;
    }

    private static (string Step, DesignatedPairImportDraft Draft)? Load(UpdateContext context)
    {
        if (context.Conversation is not { } state || state.Dialog != Name || state.Draft is null)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(state.Draft, DesignatedPairImportJsonContext.Default.DesignatedPairImportDraft) is { } draft ? (state.Step, draft) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task SaveAsync(UpdateContext context, string step, DesignatedPairImportDraft draft, CancellationToken cancellationToken)
    {
        var state = new ConversationState($"{Name}.{step}", JsonSerializer.Serialize(draft, DesignatedPairImportJsonContext.Default.DesignatedPairImportDraft), "");
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

internal static partial class DesignatedPairLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Designated pairs of {District} imported by {UserId}: {Added} added, {Withdrawn} withdrawn, {Proposed} proposed")]
    public static partial void PairsImported(this ILogger logger, string district, long userId, int added, int withdrawn, int proposed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A designated pairs file of {UserId} could not be downloaded")]
    public static partial void PairsFileNotDownloaded(this ILogger logger, Exception error, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Designated pair {PairId} started partnership {PartnershipId}")]
    public static partial void PairStarted(this ILogger logger, long pairId, long partnershipId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Designated pair {PairId} declined by the {Side}")]
    public static partial void PairDeclined(this ILogger logger, long pairId, PairSide side);
}
