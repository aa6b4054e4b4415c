using System.Globalization;
using System.Text.Json.Serialization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>
/// What /announce has gathered so far. The coordinator's districts, time zone and the groups they may address are
/// taken when the dialog starts, and checked again when it ends.
/// </summary>
public sealed record AnnouncementDraft
{
    public IReadOnlyList<string> Scope { get; init; } = [];
    /// <summary>The district whose clock the dates are typed in: the first of the scope.</summary>
    public string ClockDistrict { get; init; } = "";
    public IReadOnlyList<AudienceGroup> Groups { get; init; } = [];
    public AnnouncementKind? Kind { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public string? Place { get; init; }
    public string? Description { get; init; }
    public AudienceRole Role { get; init; }
    public AudienceGroup? Group { get; init; }
    public IReadOnlyList<string> Districts { get; init; } = [];
    public IReadOnlyList<string> Deficits { get; init; } = [];
    /// <summary>Counted when the preview is reached, so that the preview can say it.</summary>
    public int Recipients { get; init; }
    /// <summary>Null: send now.</summary>
    public DateTimeOffset? SendAt { get; init; }

    public AnnouncementAudience Audience => new() { Role = Role, Districts = Districts, Deficits = Deficits, Group = Group };
}

[JsonSerializable(typeof(AnnouncementDraft))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class AnnouncementDraftJsonContext : JsonSerializerContext;

/// <summary>
/// /announce: the event (kind, title, date and time in the coordinator's district, place, description), the audience
/// (a role in chosen districts, optionally narrowed by deficit, or a group of another feature), a preview exactly as
/// recipients will read it with their count, then send now or at a chosen time.
/// </summary>
public sealed class AnnouncementDialog(
    ConversationRepository conversations,
    AnnouncementRepository announcements,
    AudienceResolver audiences,
    BroadcastProgress progress,
    QuietHours quietHours,
    Taxonomy taxonomy,
    Districts districts,
    DbSession db,
    BroadcastWakeUp wakeUp,
    TimeProvider clock)
    : Dialog<AnnouncementDraft>(conversations, AnnouncementDraftJsonContext.Default.AnnouncementDraft), IConversation, ICommandHandler
{
    public const int MaxTitleLength = 150;
    public const int MaxPlaceLength = 300;
    public const int MaxDescriptionLength = 2000;

    private const string Done = "done";
    private const string All = "all";
    private const string Now = "now";
    private const string Later = "later";
    private const string Inert = "rsvp";
    private const string GroupPrefix = "g.";

    public static string Name => "announce";

    public static CommandRoute Route { get; } = new("announce", "объявить форум, стажировку, семинар", Audience.Coordinator);

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<AnnouncementDraft>> Steps => field ??=
    [
        DialogStep<AnnouncementDraft>.Of("kind",
            _ => new StepPrompt(AnnouncementTexts.AskKind, Enum.GetValues<AnnouncementKind>()
                .Select(k => new StepButton(AnnouncementTexts.KindLabel(k), k.ToString())).Chunk(2).Select(row => (IReadOnlyList<StepButton>)row).ToList()),
            (draft, input) => Enum.TryParse<AnnouncementKind>(input.Choice, out var kind) && Enum.IsDefined(kind)
                ? new StepOutcome<AnnouncementDraft>.Next(draft with { Kind = kind }, "title")
                : Invalid(ProfileTexts.UseButtons)),
        TextStep("title", AnnouncementTexts.AskTitle, MaxTitleLength, (draft, text) =>
            new StepOutcome<AnnouncementDraft>.Next(draft with { Title = text }, "when")),
        DialogStep<AnnouncementDraft>.Of("when",
            draft => new StepPrompt(AnnouncementTexts.AskWhen(districts.Name(draft.ClockDistrict), ZoneLabel(draft, draft.StartsAt))),
            (draft, input) => ParseLocal(draft, input.Text) is not { } startsAt
                ? Invalid(AnnouncementTexts.BadWhen)
                : startsAt <= input.Now
                    ? Invalid(AnnouncementTexts.WhenInPast)
                    : new StepOutcome<AnnouncementDraft>.Next(draft with { StartsAt = startsAt }, "place")),
        TextStep("place", AnnouncementTexts.AskPlace, MaxPlaceLength, (draft, text) =>
            new StepOutcome<AnnouncementDraft>.Next(draft with { Place = text }, "description")),
        TextStep("description", AnnouncementTexts.AskDescription, MaxDescriptionLength, (draft, text) =>
            new StepOutcome<AnnouncementDraft>.Next(draft with { Description = text }, "audience"), singleLine: false),
        new DialogStep<AnnouncementDraft>("audience", AudiencePrompt, AcceptAudienceAsync),
        DialogStep<AnnouncementDraft>.Of("districts", DistrictsPrompt, AcceptDistrict),
        new DialogStep<AnnouncementDraft>("deficits", DeficitsPrompt, AcceptDeficitAsync),
        DialogStep<AnnouncementDraft>.Of("preview", PreviewPrompt, (draft, input) => input.Choice switch
        {
            Now when draft.Recipients == 0 => Invalid(AnnouncementTexts.NobodyToSend),
            Now => new StepOutcome<AnnouncementDraft>.Complete(draft with { SendAt = null }),
            Later when draft.Recipients == 0 => Invalid(AnnouncementTexts.NobodyToSend),
            Later => new StepOutcome<AnnouncementDraft>.Next(draft, "sendat"),
            Inert => Invalid(AnnouncementTexts.PreviewButtonsAreInert),
            _ => Invalid(ProfileTexts.UseButtons),
        }),
        DialogStep<AnnouncementDraft>.Of("sendat",
            draft => new StepPrompt(AnnouncementTexts.AskSendAt(ZoneLabel(draft, draft.StartsAt))),
            AcceptSendAt),
    ];

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var scope = context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList();
        if (scope.Count == 0)
        {
            context.Reply(AnnouncementTexts.NoDistricts);
            return;
        }
        var groups = await audiences.GroupsAsync(scope, cancellationToken);
        await BeginAsync(context, new AnnouncementDraft { Scope = scope, ClockDistrict = scope[0], Groups = groups }, cancellationToken: cancellationToken);
    }

    protected override async Task CompleteAsync(UpdateContext context, AnnouncementDraft draft, CancellationToken cancellationToken)
    {
        if (draft is not { Kind: { } kind, Title: { } title, StartsAt: { } startsAt, Place: { } place, Description: { } description }
            || !await StillAllowedAsync(context, draft, cancellationToken))
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        var recipients = (await audiences.RecipientsAsync(draft.Audience, 0, cancellationToken)).Count;
        if (recipients == 0)
        {
            context.Reply(AnnouncementTexts.NobodyToSend);
            return;
        }
        var announcement = new Announcement
        {
            CoordinatorId = context.UserId,
            Kind = kind,
            Title = title,
            StartsAt = startsAt,
            TimeZone = Zone(draft).Id,
            Place = place,
            Description = description,
            Audience = draft.Audience,
            Status = draft.SendAt is null ? AnnouncementStatus.Sending : AnnouncementStatus.Scheduled,
            SendAt = draft.SendAt ?? context.Now,
            CreatedAt = context.Now,
        };
        var id = await announcements.CreateAsync(announcement, cancellationToken);
        // The broadcast job starts it, or plans its start, as soon as it is saved.
        db.AfterCommit(wakeUp.Notify);
        if (draft.SendAt is { } sendAt)
        {
            context.Reply(AnnouncementTexts.Scheduled(title, AnnouncementTexts.When(sendAt, Zone(draft))));
            return;
        }
        await progress.BeginAsync(announcement with { Id = id }, recipients, context.Now, cancellationToken);
    }

    /// <summary>The scope may have shrunk, or the group closed, while the dialog was open.</summary>
    private async Task<bool> StillAllowedAsync(UpdateContext context, AnnouncementDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Districts.Count == 0 || !draft.Districts.All(context.Caller.Coordinates))
        {
            return false;
        }
        return draft.Group is not { } group
            || (await audiences.GroupsAsync(draft.Districts, cancellationToken)).Any(g => g.Source == group.Source && g.Id == group.Id);
    }

    private StepPrompt AudiencePrompt(AnnouncementDraft draft)
    {
        var rows = Enum.GetValues<AudienceRole>()
            .Select(role => (IReadOnlyList<StepButton>)[new StepButton(AnnouncementTexts.RoleLabel(role), role.ToString())])
            .Concat(draft.Groups.Select((group, i) => (IReadOnlyList<StepButton>)[new StepButton(AnnouncementTexts.GroupButton(group.Label), GroupPrefix + i.ToString(CultureInfo.InvariantCulture))]))
            .ToList();
        return new StepPrompt(AnnouncementTexts.AskAudience, rows);
    }

    private async ValueTask<StepOutcome<AnnouncementDraft>> AcceptAudienceAsync(AnnouncementDraft draft, StepInput input, CancellationToken cancellationToken)
    {
        if (input.Choice is { } choice && choice.StartsWith(GroupPrefix, StringComparison.Ordinal)
            && int.TryParse(choice[GroupPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < draft.Groups.Count)
        {
            var group = draft.Groups[index];
            return await ToPreviewAsync(draft with { Role = AudienceRole.Everyone, Group = group, Districts = [group.District], Deficits = [] }, cancellationToken);
        }
        if (!Enum.TryParse<AudienceRole>(input.Choice, out var role) || !Enum.IsDefined(role))
        {
            return Invalid(ProfileTexts.UseButtons);
        }
        var chosen = draft with { Role = role, Group = null };
        // One district needs no choosing.
        return draft.Scope.Count == 1
            ? new StepOutcome<AnnouncementDraft>.Next(chosen with { Districts = draft.Scope }, "deficits")
            : new StepOutcome<AnnouncementDraft>.Next(chosen with { Districts = chosen.Districts.Where(draft.Scope.Contains).ToList() }, "districts");
    }

    private StepPrompt DistrictsPrompt(AnnouncementDraft draft)
    {
        var rows = draft.Scope
            .Select(code => (IReadOnlyList<StepButton>)[new StepButton((draft.Districts.Contains(code) ? "✓ " : "") + districts.Name(code), code)])
            .Prepend([new StepButton(AnnouncementTexts.AllDistrictsButton, All)])
            .Append([new StepButton(ProfileTexts.DoneButton, Done)])
            .ToList();
        return new StepPrompt(AnnouncementTexts.AskDistricts(draft.Districts.Count), rows);
    }

    private static StepOutcome<AnnouncementDraft> AcceptDistrict(AnnouncementDraft draft, StepInput input) => input.Choice switch
    {
        Done when draft.Districts.Count == 0 => Invalid(AnnouncementTexts.NoDistrictChosen),
        Done => new StepOutcome<AnnouncementDraft>.Next(draft, "deficits"),
        All => new StepOutcome<AnnouncementDraft>.Stay(draft with { Districts = draft.Districts.Count == draft.Scope.Count ? [] : draft.Scope }),
        { } code when draft.Scope.Contains(code) => new StepOutcome<AnnouncementDraft>.Stay(draft with
        {
            Districts = draft.Districts.Contains(code) ? draft.Districts.Where(d => d != code).ToList() : draft.Scope.Where(d => d == code || draft.Districts.Contains(d)).ToList(),
        }),
        _ => Invalid(ProfileTexts.UseButtons),
    };

    private StepPrompt DeficitsPrompt(AnnouncementDraft draft)
    {
        var rows = taxonomy.Entries
            .Select(e => (IReadOnlyList<StepButton>)[new StepButton((draft.Deficits.Contains(e.Code) ? "✓ " : "") + e.Label, e.Code)])
            .Append([new StepButton(draft.Deficits.Count == 0 ? AnnouncementTexts.AnyDeficitButton : ProfileTexts.DoneButton, Done)])
            .ToList();
        return new StepPrompt(AnnouncementTexts.AskDeficits(draft.Deficits.Count), rows);
    }

    private async ValueTask<StepOutcome<AnnouncementDraft>> AcceptDeficitAsync(AnnouncementDraft draft, StepInput input, CancellationToken cancellationToken)
    {
        if (input.Choice == Done)
        {
            return await ToPreviewAsync(draft, cancellationToken);
        }
        if (input.Choice is not { } code || !taxonomy.Contains(code))
        {
            return Invalid(ProfileTexts.UseButtons);
        }
        var chosen = draft.Deficits.Contains(code) ? draft.Deficits.Where(c => c != code).ToList() : draft.Deficits.Append(code).ToList();
        return new StepOutcome<AnnouncementDraft>.Stay(draft with { Deficits = chosen });
    }

    private async Task<StepOutcome<AnnouncementDraft>> ToPreviewAsync(AnnouncementDraft draft, CancellationToken cancellationToken) =>
        new StepOutcome<AnnouncementDraft>.Next(draft with { Recipients = (await audiences.RecipientsAsync(draft.Audience, 0, cancellationToken)).Count }, "preview");

    private StepPrompt PreviewPrompt(AnnouncementDraft draft)
    {
        var body = AnnouncementTexts.Body(draft.Kind ?? AnnouncementKind.Other, draft.Title ?? "", draft.StartsAt ?? default, Zone(draft), draft.Place ?? "", draft.Description ?? "");
        var audience = draft.Group is { } group
            ? AnnouncementTexts.GroupSummary(group.Label)
            : AnnouncementTexts.AudienceSummary(AnnouncementTexts.RoleLabel(draft.Role), draft.Districts.Select(districts.Name), draft.Deficits.Select(taxonomy.Short).ToList());
        return new StepPrompt(AnnouncementTexts.Preview(body, audience, draft.Recipients),
        [
            [new StepButton(AnnouncementTexts.RsvpYesButton, Inert), new StepButton(AnnouncementTexts.RsvpNoButton, Inert)],
            [new StepButton(AnnouncementTexts.SendNowButton, Now)],
            [new StepButton(AnnouncementTexts.ScheduleButton, Later)],
        ]);
    }

    private StepOutcome<AnnouncementDraft> AcceptSendAt(AnnouncementDraft draft, StepInput input)
    {
        if (ParseLocal(draft, input.Text) is not { } sendAt)
        {
            return Invalid(AnnouncementTexts.BadWhen);
        }
        if (sendAt <= input.Now)
        {
            return Invalid(AnnouncementTexts.WhenInPast);
        }
        if (sendAt >= draft.StartsAt)
        {
            return Invalid(AnnouncementTexts.SendAtAfterStart);
        }
        // A scheduled broadcast is planned like a reminder: nobody is written to at night in the coordinator's district.
        return quietHours.NextAllowed(sendAt, Zone(draft)) != sendAt
            ? Invalid(AnnouncementTexts.SendAtInQuietHours)
            : new StepOutcome<AnnouncementDraft>.Complete(draft with { SendAt = sendAt });
    }

    private DateTimeOffset? ParseLocal(AnnouncementDraft draft, string? text) =>
        DateTimeInput.ParseDateTime(text) is var (date, time) ? LocalCalendar.At(date, time, Zone(draft)) : null;

    private TimeZoneInfo Zone(AnnouncementDraft draft) => districts.TimeZone(draft.ClockDistrict);

    private string ZoneLabel(AnnouncementDraft draft, DateTimeOffset? at) => AnnouncementTexts.ZoneLabel(Zone(draft), at ?? clock.GetUtcNow());

    private static DialogStep<AnnouncementDraft> TextStep(
        string name, HtmlText question, int maxLength, Func<AnnouncementDraft, string, StepOutcome<AnnouncementDraft>> accept, bool singleLine = true) =>
        DialogStep<AnnouncementDraft>.Of(name, _ => new StepPrompt(question), (draft, input) =>
        {
            var text = TextInput.Clean(input.Text, singleLine);
            if (input.IsChoice || text.Length == 0)
            {
                return Invalid(ProfileTexts.Empty);
            }
            return text.Length > maxLength ? Invalid(ProfileTexts.TooLong(maxLength)) : accept(draft, text);
        });

    private static StepOutcome<AnnouncementDraft>.Invalid Invalid(HtmlText reason) => new(reason);
}
