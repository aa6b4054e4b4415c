using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Onboarding;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Registration;

/// <summary>
/// Registration of a young or a flagship director, one question per step, and the editing of one field of an existing
/// profile through the same validated steps. Nothing reaches the profile tables before the confirmation.
/// </summary>
public sealed class RegistrationDialog(
    ConversationRepository conversations,
    PeopleRepository people,
    InviteRepository invites,
    CoordinatorRepository coordinators,
    RoleChange roleChange,
    SchoolRepository schools,
    Taxonomy taxonomy,
    Districts districts)
    : Dialog<RegistrationDraft>(conversations, RegistrationJsonContext.Default.RegistrationDraft), IConversation
{
    public const int MaxNameLength = 150;
    public const int MaxPositionLength = 100;
    public const int MaxSchoolLength = 200;
    public const int MaxSettlementLength = 100;
    public const int MaxNoteLength = 500;
    public const int MaxDeficits = 5;
    public const int MaxCapacity = 5;

    private const string Done = "done";
    private const string Skip = "skip";
    private const string Reset = "reset";

    private static readonly Dictionary<ProfileField, string[]> StepsOfField = new()
    {
        [ProfileField.FullName] = ["name"],
        [ProfileField.Position] = ["position"],
        [ProfileField.School] = ["school"],
        [ProfileField.District] = ["district"],
        [ProfileField.Settlement] = ["settlement"],
        [ProfileField.SettlementKind] = ["kind"],
        [ProfileField.SizeBand] = ["size"],
        [ProfileField.SchoolStatus] = ["status"],
        [ProfileField.Years] = ["years"],
        [ProfileField.Deficits] = ["deficits", "priority"],
        [ProfileField.Offers] = ["offers"],
        [ProfileField.Strengths] = ["strengths"],
        [ProfileField.Capacity] = ["capacity"],
        [ProfileField.WantsToLearn] = ["wants"],
        [ProfileField.Note] = ["note"],
    };

    private IReadOnlyList<DialogStep<RegistrationDraft>>? _steps;

    public static string Name => "reg";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<RegistrationDraft>> Steps => _steps ??= BuildSteps();

    public static string FirstStepOf(ProfileField field) => StepsOfField[field][0];

    protected override bool FinishesBefore(RegistrationDraft draft, string nextStep) =>
        draft.EditField is { } field && !StepsOfField[field].Contains(nextStep);

    private IReadOnlyList<DialogStep<RegistrationDraft>> BuildSteps() =>
    [
        TextStep("name", ProfileTexts.AskName, MaxNameLength, (draft, text) =>
            TextInput.PersonNameProblem(text) is { } problem
                ? Invalid(ProfileTexts.BadName(problem))
                : new StepOutcome<RegistrationDraft>.Next(draft with { FullName = text }, "position")),
        TextStep("position", ProfileTexts.AskPosition, MaxPositionLength, (draft, text) =>
            RequireLetters(text) ?? new StepOutcome<RegistrationDraft>.Next(draft with { Position = text }, "school")),
        new DialogStep<RegistrationDraft>("school", SchoolPrompt, AcceptSchoolAsync),
        DialogStep<RegistrationDraft>.Of("district",
            _ => new StepPrompt(ProfileTexts.AskDistrict, districts.All.Select(d => (IReadOnlyList<StepButton>)[new StepButton(d.Name, d.Code)]).ToList()),
            AcceptDistrict),
        TextStep("settlement", ProfileTexts.AskSettlement, MaxSettlementLength, (draft, text) =>
            RequireLetters(text) ?? new StepOutcome<RegistrationDraft>.Next(draft with { Settlement = text }, "kind")),
        ChoiceStep("kind", ProfileTexts.AskKind, Enum.GetValues<SettlementKind>(), k => Capitalize(ProfileTexts.SettlementKindLabel(k)),
            (draft, kind) => draft with { SettlementKind = kind }, "size"),
        ChoiceStep("size", ProfileTexts.AskSize, Enum.GetValues<SizeBand>(), ProfileTexts.SizeLabel,
            (draft, size) => draft with { SizeBand = size }, "status"),
        ChoiceStep("status", ProfileTexts.AskStatus, Enum.GetValues<SchoolStatus>(), s => Capitalize(ProfileTexts.StatusLabel(s)),
            (draft, status) => draft with { SchoolStatus = status }, "years"),
        TextStep("years", ProfileTexts.AskYears, 20, (draft, text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is >= 0 and <= 60
                ? new StepOutcome<RegistrationDraft>.Next(draft with { YearsAsDirector = years }, draft.Role == DirectorRole.Young ? "deficits" : "strengths")
                : Invalid(ProfileTexts.BadYears)),
        MultiSelectStep("deficits", d => ProfileTexts.AskDeficits(d.Deficits.Count), d => d.Deficits,
            (draft, codes) => draft with { Deficits = codes, DeficitOrder = [] },
            draft => draft.Deficits.Count is < 1 or > MaxDeficits
                ? Invalid(ProfileTexts.DeficitsRange)
                : draft.Deficits.Count == 1
                    ? new StepOutcome<RegistrationDraft>.Next(draft with { DeficitOrder = draft.Deficits }, "offers")
                    : new StepOutcome<RegistrationDraft>.Next(draft with { DeficitOrder = [] }, "priority"),
            allowSkip: false, limit: MaxDeficits),
        DialogStep<RegistrationDraft>.Of("priority", PriorityPrompt, AcceptPriority),
        MultiSelectStep("offers", d => ProfileTexts.AskOffers(d.Offers.Count), d => d.Offers,
            (draft, codes) => draft with { Offers = codes },
            draft => new StepOutcome<RegistrationDraft>.Next(draft, "note"), allowSkip: true),
        MultiSelectStep("strengths", d => ProfileTexts.AskStrengths(d.Strengths.Count), d => d.Strengths,
            (draft, codes) => draft with { Strengths = codes },
            draft => draft.Strengths.Count == 0 ? Invalid(ProfileTexts.AtLeastOneStrength) : new StepOutcome<RegistrationDraft>.Next(draft, "capacity"),
            allowSkip: false),
        ChoiceStep("capacity", ProfileTexts.AskCapacity, Enumerable.Range(1, MaxCapacity).ToArray(), n => n.ToString(CultureInfo.InvariantCulture),
            (draft, capacity) => draft with { Capacity = capacity }, "wants", perRow: MaxCapacity),
        MultiSelectStep("wants", d => ProfileTexts.AskWants(d.WantsToLearn.Count), d => d.WantsToLearn,
            (draft, codes) => draft with { WantsToLearn = codes },
            draft => new StepOutcome<RegistrationDraft>.Next(draft, "note"), allowSkip: true),
        DialogStep<RegistrationDraft>.Of("note",
            _ => new StepPrompt(ProfileTexts.AskNote, [[new StepButton(ProfileTexts.SkipButton, Skip)]]),
            AcceptNote),
        DialogStep<RegistrationDraft>.Of("confirm",
            draft => new StepPrompt(ProfileTexts.Confirm(Preview(draft)), [[new StepButton(ProfileTexts.SaveButton, Done)]]),
            (draft, input) => input.Choice == Done ? new StepOutcome<RegistrationDraft>.Complete(draft) : Invalid(ProfileTexts.UseButtons)),
    ];

    protected override async Task CompleteAsync(UpdateContext context, RegistrationDraft draft, CancellationToken cancellationToken)
    {
        var existing = await people.FindAsync(context.UserId, cancellationToken);
        if (draft.EditField is not null && existing is not null)
        {
            var edited = draft.ToProfile(context.UserId, existing.Status, context.From.Username ?? existing.Username, existing.CreatedAt, context.Now)!
                with { IsAvailable = existing.IsAvailable };
            await people.SaveAsync(edited, cancellationToken);
            context.Reply(ProfileTexts.ProfileUpdated);
            if (draft.EditField == ProfileField.School)
            {
                await AskToAddSchoolAsync(context, edited, cancellationToken);
            }
            return;
        }

        // A young director who took a flagship invite: see RoleChange.
        var fromYoung = existing is { Role: DirectorRole.Young } && draft.Role == DirectorRole.Flagship ? existing : null;
        if (fromYoung is not null && await roleChange.BlockedAsync(context, fromYoung, cancellationToken))
        {
            return;
        }
        var status = draft.Role == DirectorRole.Young ? ProfileStatus.Active : ProfileStatus.Pending;
        var inviteLost = false;
        if (draft.Role == DirectorRole.Flagship && draft.InviteCode is { } code)
        {
            // Redeemed only now, so an abandoned registration does not burn the link.
            var invite = await invites.RedeemAsync(code, context.UserId, context.Now, cancellationToken);
            status = invite is not null ? ProfileStatus.Approved : ProfileStatus.Pending;
            inviteLost = invite is null;
        }
        if (fromYoung is not null && status != ProfileStatus.Approved)
        {
            context.Reply(ProfileTexts.RoleChangeInviteLost);
            return;
        }
        var profile = draft.ToProfile(context.UserId, status, context.From.Username, context.Now, context.Now)
            ?? throw new InvalidOperationException("The registration draft is incomplete at confirmation.");
        if (fromYoung is not null)
        {
            await roleChange.CloseMenteeSideAsync(context, fromYoung, cancellationToken);
        }
        await people.SaveAsync(profile, cancellationToken);
        if (fromYoung is not null)
        {
            await roleChange.AnnounceAsync(profile, cancellationToken);
        }
        await AskToAddSchoolAsync(context, profile, cancellationToken);

        if (status == ProfileStatus.Pending)
        {
            context.Reply(inviteLost ? ProfileTexts.InviteTakenMeanwhile : ProfileTexts.SavedPendingFlagship);
            var district = districts.Find(profile.District);
            var registryFlagship = profile.SchoolNumber is { } number
                && await schools.FindAsync(profile.District, number, cancellationToken) is { Status: RegistryStatus.Flagship };
            foreach (var coordinator in await coordinators.CoveringAsync(profile.District, district?.Region ?? "", cancellationToken))
            {
                var notice = ProfileTexts.NewFlagshipForReview(profile.FullName, profile.School, districts.Name(profile.District));
                context.Outbox.Send(coordinator, registryFlagship ? notice + Html.Raw("\n") + SchoolTexts.RegistryMarksFlagship(profile.SchoolNumber!) : notice);
            }
        }
        else
        {
            context.Reply(status == ProfileStatus.Approved ? ProfileTexts.SavedApprovedFlagship : ProfileTexts.SavedYoung);
        }
    }

    /// <summary>A school typed by hand in a district that keeps a registry: its coordinators are asked to add it.</summary>
    private async Task AskToAddSchoolAsync(UpdateContext context, DirectorProfile profile, CancellationToken cancellationToken)
    {
        if (profile.SchoolNumber is not null || !await schools.AnyOpenAsync(profile.District, cancellationToken))
        {
            return;
        }
        var region = districts.Find(profile.District)?.Region ?? "";
        foreach (var coordinator in await coordinators.CoveringAsync(profile.District, region, cancellationToken))
        {
            context.Outbox.Send(coordinator, SchoolTexts.SchoolNotInRegistry(profile.FullName, profile.School, districts.Name(profile.District)));
        }
    }

    private HtmlText Preview(RegistrationDraft draft) =>
        draft.ToProfile(0, draft.Role == DirectorRole.Young ? ProfileStatus.Active : ProfileStatus.Pending, null, default, default) is { } profile
            ? ProfileTexts.Card(profile, taxonomy, districts)
            : HtmlText.Empty;

    private const int MaxSchoolChoices = 8;
    private const string NotInRegistry = "typed";

    private static StepPrompt SchoolPrompt(RegistrationDraft draft) => draft.SchoolChoices.Count == 0
        ? new StepPrompt(ProfileTexts.AskSchool)
        : new StepPrompt(SchoolTexts.ChooseRegistrySchool(draft.SchoolTyped ?? ""),
        [
            .. draft.SchoolChoices.Select((choice, i) => (IReadOnlyList<StepButton>)[new StepButton(choice.Label, $"r{i}")]),
            [new StepButton(SchoolTexts.NotInRegistryButton, NotInRegistry)],
        ]);

    /// <summary>
    /// The director types a number or part of the name; the district registry's matches are offered as buttons, and the
    /// chosen school brings its district, settlement, kind and size. A school the registry lacks is kept as typed.
    /// </summary>
    private async ValueTask<StepOutcome<RegistrationDraft>> AcceptSchoolAsync(RegistrationDraft draft, StepInput input, CancellationToken cancellationToken)
    {
        if (input.Choice is { } choice)
        {
            if (choice == NotInRegistry && draft.SchoolTyped is { } typed)
            {
                return HandTyped(draft, typed);
            }
            if (choice.StartsWith('r') && int.TryParse(choice[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < draft.SchoolChoices.Count && draft.SchoolChoices[index] is var picked
                && await schools.FindAsync(picked.District, picked.Number, cancellationToken) is { IsClosed: false } school)
            {
                return new StepOutcome<RegistrationDraft>.Next(draft with
                {
                    School = school.FullName,
                    SchoolNumber = school.Number,
                    District = picked.District,
                    Settlement = school.Settlement,
                    SettlementKind = school.SettlementKind,
                    SizeBand = school.SizeBand,
                    SchoolTyped = null,
                    SchoolChoices = [],
                }, "status");
            }
            return Invalid(ProfileTexts.UseButtons);
        }
        var text = TextInput.Clean(input.Text);
        if (text.Length == 0)
        {
            return Invalid(ProfileTexts.Empty);
        }
        if (text.Length > MaxSchoolLength)
        {
            return Invalid(ProfileTexts.TooLong(MaxSchoolLength));
        }
        // An invite link fixes the district; otherwise every configured district's registry is searched.
        var scope = draft.District is { } fixedDistrict && draft.EditField is null ? [fixedDistrict] : districts.All.Select(d => d.Code).ToList();
        var number = SchoolRoster.NormalizeNumber(text);
        var matches = (await schools.OpenInAsync(scope, cancellationToken))
            .Where(s => s.School.Number == number || s.School.FullName.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.School.Number == number ? 0 : 1).ThenBy(s => s.School.Number, SchoolNumberOrder.Instance)
            .Take(MaxSchoolChoices)
            .Select(s => new RegistrySchoolChoice(s.District, s.School.Number, SchoolTexts.RegistryChoiceLabel(s.School, districts.Name(s.District), scope.Count > 1)))
            .ToList();
        return matches.Count == 0
            ? HandTyped(draft, text)
            : new StepOutcome<RegistrationDraft>.Stay(draft with { SchoolTyped = text, SchoolChoices = matches });
    }

    private static StepOutcome<RegistrationDraft> HandTyped(RegistrationDraft draft, string text) =>
        new StepOutcome<RegistrationDraft>.Next(
            // A school typed by hand is no registry school: the registry's coordinates no longer apply.
            draft with { School = text.All(char.IsDigit) ? $"Школа № {text}" : text, SchoolNumber = null, SchoolTyped = null, SchoolChoices = [] },
            // An invite link may have set the district already.
            draft.District is null || draft.EditField is not null ? "district" : "settlement");

    private StepOutcome<RegistrationDraft> AcceptDistrict(RegistrationDraft draft, StepInput input)
    {
        var chosen = input.Choice is { } code
            ? districts.Find(code)
            : districts.All.FirstOrDefault(d => string.Equals(d.Name, TextInput.Clean(input.Text), StringComparison.OrdinalIgnoreCase));
        return chosen is null
            ? Invalid(ProfileTexts.UnknownDistrict)
            : new StepOutcome<RegistrationDraft>.Next(
                draft with { District = chosen.Code, SchoolNumber = chosen.Code == draft.District ? draft.SchoolNumber : null }, "settlement");
    }

    private StepPrompt PriorityPrompt(RegistrationDraft draft)
    {
        var remaining = draft.Deficits.Where(code => !draft.DeficitOrder.Contains(code));
        var buttons = remaining.Select(code => (IReadOnlyList<StepButton>)[new StepButton(taxonomy.Label(code), code)]).ToList();
        if (draft.DeficitOrder.Count > 0)
        {
            buttons.Add([new StepButton(ProfileTexts.ResetOrderButton, Reset)]);
        }
        return new StepPrompt(ProfileTexts.AskPriority(draft.DeficitOrder.Select(taxonomy.Label).ToList()), buttons);
    }

    private static StepOutcome<RegistrationDraft> AcceptPriority(RegistrationDraft draft, StepInput input)
    {
        if (input.Choice == Reset)
        {
            return new StepOutcome<RegistrationDraft>.Stay(draft with { DeficitOrder = [] });
        }
        if (input.Choice is not { } code || !draft.Deficits.Contains(code) || draft.DeficitOrder.Contains(code))
        {
            return Invalid(ProfileTexts.UseButtons);
        }
        var order = draft.DeficitOrder.Append(code).ToList();
        var ranked = draft with { DeficitOrder = order };
        return order.Count == draft.Deficits.Count
            ? new StepOutcome<RegistrationDraft>.Next(ranked, "offers")
            : new StepOutcome<RegistrationDraft>.Stay(ranked);
    }

    private static StepOutcome<RegistrationDraft> AcceptNote(RegistrationDraft draft, StepInput input)
    {
        if (input.Choice == Skip)
        {
            return new StepOutcome<RegistrationDraft>.Next(draft with { Note = "" }, "confirm");
        }
        var text = TextInput.Clean(input.Text, singleLine: false);
        if (input.IsChoice || text.Length == 0)
        {
            return Invalid(ProfileTexts.Empty);
        }
        return text.Length > MaxNoteLength
            ? Invalid(ProfileTexts.TooLong(MaxNoteLength))
            : new StepOutcome<RegistrationDraft>.Next(draft with { Note = text }, "confirm");
    }

    private static DialogStep<RegistrationDraft> TextStep(
        string name, HtmlText question, int maxLength, Func<RegistrationDraft, string, StepOutcome<RegistrationDraft>> accept) =>
        DialogStep<RegistrationDraft>.Of(name, _ => new StepPrompt(question), (draft, input) =>
        {
            if (input.IsChoice)
            {
                return Invalid(ProfileTexts.Empty);
            }
            var text = TextInput.Clean(input.Text);
            if (text.Length == 0)
            {
                return Invalid(ProfileTexts.Empty);
            }
            return text.Length > maxLength ? Invalid(ProfileTexts.TooLong(maxLength)) : accept(draft, text);
        });

    private static DialogStep<RegistrationDraft> ChoiceStep<T>(
        string name, HtmlText question, T[] options, Func<T, string> label, Func<RegistrationDraft, T, RegistrationDraft> store, string next, int perRow = 1)
        where T : notnull =>
        DialogStep<RegistrationDraft>.Of(name,
            _ => new StepPrompt(question, options.Select(o => new StepButton(label(o), o.ToString()!)).Chunk(perRow).Select(row => (IReadOnlyList<StepButton>)row).ToList()),
            (draft, input) =>
            {
                var chosen = options.Where(o => o.ToString() == input.Choice
                    || input.Text is { } typed && string.Equals(label(o), TextInput.Clean(typed), StringComparison.OrdinalIgnoreCase)).ToList();
                return chosen.Count == 1 ? new StepOutcome<RegistrationDraft>.Next(store(draft, chosen[0]), next) : Invalid(ProfileTexts.UseButtons);
            });

    /// <summary>A taxonomy multi-select: each press toggles a code, the final button moves on.</summary>
    private DialogStep<RegistrationDraft> MultiSelectStep(
        string name,
        Func<RegistrationDraft, HtmlText> question,
        Func<RegistrationDraft, IReadOnlyList<string>> selected,
        Func<RegistrationDraft, IReadOnlyList<string>, RegistrationDraft> store,
        Func<RegistrationDraft, StepOutcome<RegistrationDraft>> finish,
        bool allowSkip,
        int limit = int.MaxValue) =>
        DialogStep<RegistrationDraft>.Of(name,
            draft =>
            {
                var chosen = selected(draft);
                var rows = taxonomy.Entries
                    .Select(e => (IReadOnlyList<StepButton>)[new StepButton((chosen.Contains(e.Code) ? "✓ " : "") + e.Label, e.Code)])
                    .ToList();
                rows.Add([new StepButton(allowSkip && chosen.Count == 0 ? ProfileTexts.SkipButton : ProfileTexts.DoneButton, Done)]);
                return new StepPrompt(question(draft), rows);
            },
            (draft, input) =>
            {
                if (input.Choice == Done)
                {
                    return finish(draft);
                }
                if (input.Choice is not { } code || !taxonomy.Contains(code))
                {
                    return Invalid(ProfileTexts.UseButtons);
                }
                var chosen = selected(draft).ToList();
                if (!chosen.Remove(code))
                {
                    if (chosen.Count >= limit)
                    {
                        return Invalid(ProfileTexts.DeficitsRange);
                    }
                    chosen.Add(code);
                }
                return new StepOutcome<RegistrationDraft>.Stay(store(draft, chosen));
            });

    private static StepOutcome<RegistrationDraft>? RequireLetters(string text) =>
        text.Any(char.IsLetter) ? null : Invalid(ProfileTexts.NeedsLetters);

    private static StepOutcome<RegistrationDraft>.Invalid Invalid(HtmlText reason) => new(reason);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("ru-RU")) + text[1..];
}
