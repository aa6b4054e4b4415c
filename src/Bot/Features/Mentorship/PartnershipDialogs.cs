using System.Globalization;
using System.Text.Json.Serialization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

public sealed record PlanItemDraft(long PartnershipId, string? Title = null, PlanItemOwner? Owner = null, DateOnly? DueOn = null);

/// <summary>A meeting being fixed; the agreement's end and the district's zone are taken at the start to check each answer.</summary>
public sealed record MeetingDraft(
    long PartnershipId, DateOnly? Date = null, TimeOnly? Time = null, MeetingFormat? Format = null, string Note = "", DateOnly? EndsOn = null, string? TimeZone = null);

public sealed record CheckinDraft(long PartnershipId, IReadOnlyList<string> Goals, IReadOnlyList<int>? Ratings = null, string? Comment = null);

public sealed record MentorNoteDraft(long PartnershipId, long CheckinId, string Text = "");

public sealed record EndDraft(long PartnershipId, string Reason = "");

public sealed record FeedbackDraft(long PartnershipId, string Text = "");

[JsonSerializable(typeof(PlanItemDraft))]
[JsonSerializable(typeof(MeetingDraft))]
[JsonSerializable(typeof(CheckinDraft))]
[JsonSerializable(typeof(MentorNoteDraft))]
[JsonSerializable(typeof(EndDraft))]
[JsonSerializable(typeof(FeedbackDraft))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class PartnershipJsonContext : JsonSerializerContext;

/// <summary>Free text of a bounded length, cleaned, or the reason it does not fit.</summary>
internal static class BoundedText
{
    public static StepOutcome<TDraft> Accept<TDraft>(StepInput input, int max, Func<string, StepOutcome<TDraft>> next, bool multiline = true)
    {
        var text = TextInput.Clean(input.Text, singleLine: !multiline);
        if (input.IsChoice || text.Length == 0)
        {
            return new StepOutcome<TDraft>.Invalid(ProfileTexts.Empty);
        }
        return text.Length > max ? new StepOutcome<TDraft>.Invalid(ProfileTexts.TooLong(max)) : next(text);
    }
}

/// <summary>Adds an item to the plan of targeted support measures: what, who, by when.</summary>
public sealed class PlanItemDialog(ConversationRepository conversations, PartnershipRepository partnerships, PartnershipLifecycle lifecycle)
    : Dialog<PlanItemDraft>(conversations, PartnershipJsonContext.Default.PlanItemDraft), IConversation
{
    public const int MaxTitleLength = 200;

    public static string Name => "plan";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<PlanItemDraft>> Steps { get; } =
    [
        DialogStep<PlanItemDraft>.Of("title", _ => new StepPrompt(PartnershipTexts.AskPlanTitle), (draft, input) =>
            BoundedText.Accept<PlanItemDraft>(input, MaxTitleLength, title => new StepOutcome<PlanItemDraft>.Next(draft with { Title = title }, "owner"), multiline: false)),
        DialogStep<PlanItemDraft>.Of("owner",
            _ => new StepPrompt(PartnershipTexts.AskPlanOwner,
            [[new StepButton(PartnershipTexts.OwnerMe, "me"), new StepButton(PartnershipTexts.OwnerPartner, "partner"), new StepButton(PartnershipTexts.OwnerBoth, "both")]]),
            (draft, input) => input.Choice is "me" or "partner" or "both"
                // Stored relative to the author for now; the completion turns it into mentee or mentor.
                ? new StepOutcome<PlanItemDraft>.Next(draft with { Owner = input.Choice switch { "me" => PlanItemOwner.Mentee, "partner" => PlanItemOwner.Mentor, _ => PlanItemOwner.Both } }, "due")
                : new StepOutcome<PlanItemDraft>.Invalid(ProfileTexts.UseButtons)),
        DialogStep<PlanItemDraft>.Of("due", _ => new StepPrompt(PartnershipTexts.AskPlanDue("15.12.2026")), (draft, input) =>
            DateTimeInput.ParseDate(input.Text) is { } due
                ? due < DateOnly.FromDateTime(input.Now.UtcDateTime.AddDays(-1))
                    ? new StepOutcome<PlanItemDraft>.Invalid(PartnershipTexts.DateInPast)
                    : new StepOutcome<PlanItemDraft>.Complete(draft with { DueOn = due })
                : new StepOutcome<PlanItemDraft>.Invalid(PartnershipTexts.BadDate)),
    ];

    /// <summary>The agreement's end is read when the date is given, so a prolongation meanwhile counts.</summary>
    protected override async Task<StepRefusal?> CheckAsync(UpdateContext context, PlanItemDraft draft, CancellationToken cancellationToken) =>
        await partnerships.FindAsync(draft.PartnershipId, cancellationToken) is { } partnership && draft.DueOn > partnership.EndsOn
            ? new StepRefusal("due", PartnershipTexts.DateAfterEnd(MentorshipTexts.Date(partnership.EndsOn)))
            : null;

    protected override async Task CompleteAsync(UpdateContext context, PlanItemDraft draft, CancellationToken cancellationToken)
    {
        if (await lifecycle.ActiveForAsync(context, draft.PartnershipId, cancellationToken) is not { } partnership)
        {
            return;
        }
        var byMentee = context.UserId == partnership.MenteeId;
        var owner = draft.Owner switch
        {
            PlanItemOwner.Mentee => byMentee ? PlanItemOwner.Mentee : PlanItemOwner.Mentor,
            PlanItemOwner.Mentor => byMentee ? PlanItemOwner.Mentor : PlanItemOwner.Mentee,
            _ => PlanItemOwner.Both,
        };
        await partnerships.AddPlanItemAsync(partnership.Id, draft.Title!, owner, draft.DueOn!.Value, context.UserId, context.Now, cancellationToken);
        context.Reply(PartnershipTexts.PlanItemAdded(draft.Title!));
        context.Outbox.Send(partnership.OtherSide(context.UserId),
            PartnershipTexts.PartnerAddedPlanItem(await lifecycle.NameOfAsync(context.UserId, cancellationToken), draft.Title!, MentorshipTexts.Date(draft.DueOn!.Value)));
    }
}

/// <summary>Fixes a meeting: date and time in the district's time zone, format and a note.</summary>
public sealed class MeetingDialog(ConversationRepository conversations, PartnershipRepository partnerships, PartnershipLifecycle lifecycle, IMeetingReminders reminders)
    : Dialog<MeetingDraft>(conversations, PartnershipJsonContext.Default.MeetingDraft), IConversation
{
    public const int MaxNoteLength = 300;
    private const string Skip = "skip";

    public static string Name => "meeting";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<MeetingDraft>> Steps { get; } =
    [
        DialogStep<MeetingDraft>.Of("date", _ => new StepPrompt(PartnershipTexts.AskMeetingDate("15.12.2026")), (draft, input) =>
            DateTimeInput.ParseDate(input.Text) is not { } date ? new StepOutcome<MeetingDraft>.Invalid(PartnershipTexts.BadDate)
            : date < DateOnly.FromDateTime(input.Now.UtcDateTime.AddDays(-1)) ? new StepOutcome<MeetingDraft>.Invalid(PartnershipTexts.DateInPast)
            : date > draft.EndsOn ? new StepOutcome<MeetingDraft>.Invalid(PartnershipTexts.DateAfterEnd(MentorshipTexts.Date(draft.EndsOn.Value)))
            : new StepOutcome<MeetingDraft>.Next(draft with { Date = date }, "time")),
        DialogStep<MeetingDraft>.Of("time", _ => new StepPrompt(PartnershipTexts.AskMeetingTime), (draft, input) =>
            DateTimeInput.ParseTime(input.Text) is not { } time ? new StepOutcome<MeetingDraft>.Invalid(PartnershipTexts.BadTime)
            : draft.TimeZone is { } zone && StartsAt(draft.Date!.Value, time, Zone(zone)) <= input.Now ? new StepOutcome<MeetingDraft>.Invalid(PartnershipTexts.MeetingInPast)
            : new StepOutcome<MeetingDraft>.Next(draft with { Time = time }, "format")),
        DialogStep<MeetingDraft>.Of("format",
            _ => new StepPrompt(PartnershipTexts.AskMeetingFormat, Enum.GetValues<MeetingFormat>()
                .Select(f => (IReadOnlyList<StepButton>)[new StepButton(PartnershipTexts.FormatLabel(f), f.ToString())]).ToList()),
            (draft, input) => Enum.TryParse<MeetingFormat>(input.Choice, out var format) && Enum.IsDefined(format)
                ? new StepOutcome<MeetingDraft>.Next(draft with { Format = format }, "note")
                : new StepOutcome<MeetingDraft>.Invalid(ProfileTexts.UseButtons)),
        DialogStep<MeetingDraft>.Of("note", _ => new StepPrompt(PartnershipTexts.AskMeetingNote, [[new StepButton(ProfileTexts.SkipButton, Skip)]]), (draft, input) =>
            input.Choice == Skip
                ? new StepOutcome<MeetingDraft>.Complete(draft)
                : BoundedText.Accept<MeetingDraft>(input, MaxNoteLength, note => new StepOutcome<MeetingDraft>.Complete(draft with { Note = note }))),
    ];

    /// <summary>Starts the dialog with what its answers are checked against.</summary>
    public async Task BeginAsync(UpdateContext context, Partnership partnership, CancellationToken cancellationToken) =>
        await BeginAsync(context, new MeetingDraft(partnership.Id, EndsOn: partnership.EndsOn, TimeZone: (await lifecycle.ZoneAsync(partnership, cancellationToken)).Id),
            cancellationToken: cancellationToken);

    /// <summary>Time passes while the format and the note are chosen, and the agreement may have changed.</summary>
    protected override async Task<StepRefusal?> CheckAsync(UpdateContext context, MeetingDraft draft, CancellationToken cancellationToken)
    {
        if (await partnerships.FindAsync(draft.PartnershipId, cancellationToken) is not { } partnership)
        {
            return null;
        }
        if (draft.Date > partnership.EndsOn)
        {
            return new StepRefusal("date", PartnershipTexts.DateAfterEnd(MentorshipTexts.Date(partnership.EndsOn)));
        }
        var zone = await lifecycle.ZoneAsync(partnership, cancellationToken);
        return StartsAt(draft.Date!.Value, draft.Time!.Value, zone) <= context.Now ? new StepRefusal("time", PartnershipTexts.MeetingInPast) : null;
    }

    protected override async Task CompleteAsync(UpdateContext context, MeetingDraft draft, CancellationToken cancellationToken)
    {
        if (await lifecycle.ActiveForAsync(context, draft.PartnershipId, cancellationToken) is not { } partnership)
        {
            return;
        }
        var zone = await lifecycle.ZoneAsync(partnership, cancellationToken);
        var startsAt = StartsAt(draft.Date!.Value, draft.Time!.Value, zone);
        var note = draft.Note;
        var meetingId = await partnerships.AddMeetingAsync(partnership.Id, startsAt, draft.Format!.Value, note, context.UserId, context.Now, cancellationToken);
        var remindersBefore = await reminders.ScheduleAsync(partnership, meetingId, startsAt, cancellationToken);
        var when = MentorshipTexts.DateTime(TimeZoneInfo.ConvertTime(startsAt, zone));
        var format = PartnershipTexts.FormatLabel(draft.Format!.Value);
        context.Reply(PartnershipTexts.MeetingSet(when, format, remindersBefore));
        context.Outbox.Send(partnership.OtherSide(context.UserId),
            PartnershipTexts.PartnerSetMeeting(await lifecycle.NameOfAsync(context.UserId, cancellationToken), when, format, note));
    }

    private static DateTimeOffset StartsAt(DateOnly date, TimeOnly time, TimeZoneInfo zone) => LocalCalendar.At(date, time, zone);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}

/// <summary>Schedules the reminders of a meeting; the reminders feature provides it.</summary>
public interface IMeetingReminders
{
    /// <summary>Returns how long before the meeting each planned reminder goes, the earliest first.</summary>
    Task<IReadOnlyList<TimeSpan>> ScheduleAsync(Partnership partnership, long meetingId, DateTimeOffset startsAt, CancellationToken cancellationToken);
}

/// <summary>The monthly check-in: the young director rates each goal from 1 to 5, then may comment.</summary>
public sealed class CheckinDialog(ConversationRepository conversations, PartnershipRepository partnerships, PartnershipLifecycle lifecycle, Taxonomy taxonomy)
    : Dialog<CheckinDraft>(conversations, PartnershipJsonContext.Default.CheckinDraft), IConversation
{
    public const int MaxCommentLength = 500;
    private const string Skip = "skip";

    public static string Name => "checkin";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<CheckinDraft>> Steps => field ??=
    [
        DialogStep<CheckinDraft>.Of("rate",
            draft =>
            {
                var index = draft.Ratings?.Count ?? 0;
                return new StepPrompt(
                    PartnershipTexts.AskRating(taxonomy.Label(draft.Goals[Math.Min(index, draft.Goals.Count - 1)]), index + 1, draft.Goals.Count),
                    [Enumerable.Range(1, 5).Select(r => new StepButton(r.ToString(CultureInfo.InvariantCulture), r.ToString(CultureInfo.InvariantCulture))).ToList()]);
            },
            (draft, input) =>
            {
                if (!int.TryParse(input.Choice ?? input.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
                {
                    return new StepOutcome<CheckinDraft>.Invalid(ProfileTexts.UseButtons);
                }
                var ratings = (draft.Ratings ?? []).Append(rating).ToList();
                var rated = draft with { Ratings = ratings };
                return ratings.Count < draft.Goals.Count ? new StepOutcome<CheckinDraft>.Stay(rated) : new StepOutcome<CheckinDraft>.Next(rated, "comment");
            }),
        DialogStep<CheckinDraft>.Of("comment", _ => new StepPrompt(PartnershipTexts.AskCheckinComment, [[new StepButton(ProfileTexts.SkipButton, Skip)]]), (draft, input) =>
        {
            if (input.Choice == Skip)
            {
                return new StepOutcome<CheckinDraft>.Complete(draft with { Comment = "" });
            }
            return BoundedText.Accept<CheckinDraft>(input, MaxCommentLength, text => new StepOutcome<CheckinDraft>.Complete(draft with { Comment = text }));
        }),
    ];

    protected override async Task CompleteAsync(UpdateContext context, CheckinDraft draft, CancellationToken cancellationToken)
    {
        if (await lifecycle.ActiveForAsync(context, draft.PartnershipId, cancellationToken) is not { } partnership || context.UserId != partnership.MenteeId)
        {
            return;
        }
        var ratings = draft.Goals.Zip(draft.Ratings ?? []).ToDictionary(p => p.First, p => p.Second);
        var checkinId = await partnerships.AddCheckinAsync(partnership.Id, ratings, draft.Comment ?? "", context.Now, cancellationToken);
        context.Reply(PartnershipTexts.CheckinSaved);
        var summary = string.Join("\n", ratings.Select(r => $"• {taxonomy.Short(r.Key)}: {r.Value}"));
        context.Outbox.Send(partnership.MentorId,
            PartnershipTexts.CheckinToMentor(await lifecycle.NameOfAsync(partnership.MenteeId, cancellationToken), summary),
            new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(PartnershipTexts.NoteButton, CallbackData.Build(PartnershipCallback.Prefix, "note", partnership.Id, checkinId))]]));
    }
}

/// <summary>The flagship's short note on a check-in.</summary>
public sealed class MentorNoteDialog(ConversationRepository conversations, PartnershipRepository partnerships, PartnershipLifecycle lifecycle)
    : Dialog<MentorNoteDraft>(conversations, PartnershipJsonContext.Default.MentorNoteDraft), IConversation
{
    public const int MaxNoteLength = 500;

    public static string Name => "mnote";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<MentorNoteDraft>> Steps { get; } =
    [
        DialogStep<MentorNoteDraft>.Of("text", _ => new StepPrompt(PartnershipTexts.AskMentorNote), (draft, input) =>
            BoundedText.Accept<MentorNoteDraft>(input, MaxNoteLength, text => new StepOutcome<MentorNoteDraft>.Complete(draft with { Text = text }))),
    ];

    protected override async Task CompleteAsync(UpdateContext context, MentorNoteDraft draft, CancellationToken cancellationToken)
    {
        if (await lifecycle.ActiveForAsync(context, draft.PartnershipId, cancellationToken) is not { } partnership || context.UserId != partnership.MentorId)
        {
            return;
        }
        if (await partnerships.AddMentorNoteAsync(partnership.Id, draft.CheckinId, draft.Text, context.Now, cancellationToken))
        {
            context.Reply(PartnershipTexts.MentorNoteSaved);
        }
    }
}

/// <summary>Ends a partnership early, with a reason the other side reads.</summary>
public sealed class EndPartnershipDialog(ConversationRepository conversations, PartnershipLifecycle lifecycle)
    : Dialog<EndDraft>(conversations, PartnershipJsonContext.Default.EndDraft), IConversation
{
    public const int MaxReasonLength = 300;

    public static string Name => "endp";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<EndDraft>> Steps { get; } =
    [
        DialogStep<EndDraft>.Of("reason", _ => new StepPrompt(PartnershipTexts.AskEndReason), (draft, input) =>
            BoundedText.Accept<EndDraft>(input, MaxReasonLength, reason => new StepOutcome<EndDraft>.Complete(draft with { Reason = reason }))),
    ];

    protected override async Task CompleteAsync(UpdateContext context, EndDraft draft, CancellationToken cancellationToken)
    {
        if (await lifecycle.ActiveForAsync(context, draft.PartnershipId, cancellationToken) is { } partnership)
        {
            await lifecycle.EndEarlyAsync(context, partnership, draft.Reason, cancellationToken);
        }
    }
}

/// <summary>Feedback after a partnership ended, from either side.</summary>
public sealed class FeedbackDialog(ConversationRepository conversations, PartnershipRepository partnerships)
    : Dialog<FeedbackDraft>(conversations, PartnershipJsonContext.Default.FeedbackDraft), IConversation
{
    public const int MaxFeedbackLength = 1000;

    public static string Name => "feedback";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<FeedbackDraft>> Steps { get; } =
    [
        DialogStep<FeedbackDraft>.Of("text", _ => new StepPrompt(PartnershipTexts.AskFeedback), (draft, input) =>
            BoundedText.Accept<FeedbackDraft>(input, MaxFeedbackLength, text => new StepOutcome<FeedbackDraft>.Complete(draft with { Text = text }))),
    ];

    protected override async Task CompleteAsync(UpdateContext context, FeedbackDraft draft, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.FindAsync(draft.PartnershipId, cancellationToken);
        if (partnership is null || !partnership.IsPartner(context.UserId))
        {
            context.Reply(PartnershipTexts.NotAPartner);
            return;
        }
        await partnerships.SaveFeedbackAsync(partnership.Id, context.UserId, draft.Text, context.Now, cancellationToken);
        context.Reply(PartnershipTexts.FeedbackSaved);
    }
}
