using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Networking.Search;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking.InternshipSites;

/// <summary>
/// A coordinator marks a school of their districts as an internship site: its director (found by a word of the name or
/// the school), the theme, the deficits it addresses and the programme's dates. Stored only at the confirmation.
/// </summary>
public sealed class NewSiteDialog(
    ConversationRepository conversations,
    InternshipRepository internships,
    PeopleRepository people,
    Taxonomy taxonomy,
    Districts districts)
    : Dialog<SiteDraft>(conversations, NetworkingJsonContext.Default.SiteDraft), IConversation
{
    public const int MaxThemeLength = 200;
    public const int MaxCodes = 5;
    public const int MaxProgrammeYears = 2;
    private const string Save = "save";

    public static string Name => "nsite";

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<SiteDraft>> Steps => field ??=
    [
        new DialogStep<SiteDraft>("host",
            draft => new StepPrompt(NetworkingTexts.AskSiteHost(draft.Candidates.Count),
                draft.Candidates.Select(c => (IReadOnlyList<StepButton>)[new StepButton(c.Label, c.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture))]).ToList()),
            AcceptHostAsync),
        DialogStep<SiteDraft>.Of("theme", _ => new StepPrompt(NetworkingTexts.AskSiteTheme), (draft, input) =>
            BoundedText.Accept<SiteDraft>(input, MaxThemeLength, theme => new StepOutcome<SiteDraft>.Next(draft with { Theme = theme }, "codes"), multiline: false)),
        CodeChoice.Step<SiteDraft>("codes", taxonomy, NetworkingTexts.AskSiteCodes, d => d.Codes, (d, codes) => d with { Codes = codes }, "starts", MaxCodes),
        DialogStep<SiteDraft>.Of("starts", _ => new StepPrompt(NetworkingTexts.AskSiteStart), (draft, input) =>
            DateTimeInput.ParseDate(input.Text) is not { } date ? new StepOutcome<SiteDraft>.Invalid(PartnershipTexts.BadDate)
            : date < DateOnly.FromDateTime(input.Now.UtcDateTime.AddDays(-1)) ? new StepOutcome<SiteDraft>.Invalid(PartnershipTexts.DateInPast)
            : new StepOutcome<SiteDraft>.Next(draft with { StartsOn = date }, "ends")),
        DialogStep<SiteDraft>.Of("ends", _ => new StepPrompt(NetworkingTexts.AskSiteEnd), (draft, input) =>
            DateTimeInput.ParseDate(input.Text) is not { } date ? new StepOutcome<SiteDraft>.Invalid(PartnershipTexts.BadDate)
            : date < draft.StartsOn || date > draft.StartsOn?.AddYears(MaxProgrammeYears) ? new StepOutcome<SiteDraft>.Invalid(NetworkingTexts.BadSiteEnd(MaxProgrammeYears))
            : new StepOutcome<SiteDraft>.Next(draft with { EndsOn = date }, "confirm")),
        DialogStep<SiteDraft>.Of("confirm",
            draft => new StepPrompt(NetworkingTexts.ConfirmSite(draft.School ?? "", districts.Name(draft.District), draft.Theme ?? "",
                ProfileTexts.Listed(draft.Codes, taxonomy), draft.StartsOn ?? default, draft.EndsOn ?? default), [[new StepButton(ProfileTexts.SaveButton, Save)]]),
            (draft, input) => input.Choice == Save ? new StepOutcome<SiteDraft>.Complete(draft) : new StepOutcome<SiteDraft>.Invalid(ProfileTexts.UseButtons)),
    ];

    public Task BeginAsync(UpdateContext context, Caller coordinator, CancellationToken cancellationToken) =>
        BeginAsync(context, new SiteDraft { AllowedDistricts = coordinator.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList() }, cancellationToken: cancellationToken);

    protected override async Task CompleteAsync(UpdateContext context, SiteDraft draft, CancellationToken cancellationToken)
    {
        var host = draft.HostId is { } hostId ? await people.FindAsync(hostId, cancellationToken) : null;
        if (host is null || draft is not { District: { } district, Theme: { } theme, StartsOn: { } startsOn, EndsOn: { } endsOn }
            || host.District != district || !context.Caller.Coordinates(district))
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        await internships.CreateAsync(new NewInternshipProgramme(host.UserId, host.School, district, theme, startsOn, endsOn, draft.Codes), context.UserId, context.Now, cancellationToken);
        context.Reply(NetworkingTexts.SiteCreated(host.School, theme));
        context.Outbox.Send(host.UserId, NetworkingTexts.YourSchoolIsASite(host.School, theme, startsOn, endsOn));
    }

    /// <summary>Typed words find directors of the allowed districts by name or school; a button picks one of those found.</summary>
    private async ValueTask<StepOutcome<SiteDraft>> AcceptHostAsync(SiteDraft draft, StepInput input, CancellationToken cancellationToken)
    {
        if (input.Choice is { } choice)
        {
            var chosen = draft.Candidates.FirstOrDefault(c => c.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture) == choice);
            var host = chosen is null ? null : await people.FindAsync(chosen.UserId, cancellationToken);
            return host is not null && draft.AllowedDistricts.Contains(host.District)
                ? new StepOutcome<SiteDraft>.Next(draft with { HostId = host.UserId, School = host.School, District = host.District, Candidates = [] }, "theme")
                : new StepOutcome<SiteDraft>.Invalid(ProfileTexts.UseButtons);
        }
        var words = SearchText.Words(input.Text);
        if (words.Count == 0)
        {
            return new StepOutcome<SiteDraft>.Invalid(ProfileTexts.Empty);
        }
        var directors = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Approved], draft.AllowedDistricts, cancellationToken);
        var young = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], draft.AllowedDistricts, cancellationToken);
        var found = directors.Concat(young)
            .Where(d => SearchText.Matches($"{d.FullName} {d.School}", words))
            .Take(Pages.Size)
            .Select(d => new HostCandidate(d.UserId, $"{MentorshipTexts.ShortName(d.FullName)}, {d.School}"))
            .ToList();
        return found.Count == 0
            ? new StepOutcome<SiteDraft>.Invalid(NetworkingTexts.NoHostFound)
            : new StepOutcome<SiteDraft>.Stay(draft with { Candidates = found });
    }
}
