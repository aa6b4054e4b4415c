using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking.Practices;

/// <summary>
/// /publish_practice: title, deficits, description, an optional link and the school, then a preview. The practice is
/// stored only at the confirmation, pending until a coordinator of the author's district approves it.
/// </summary>
public sealed class PublishPracticeDialog(
    ConversationRepository conversations,
    PracticePublishers publishers,
    PracticeRepository practices,
    CoordinatorRepository coordinators,
    Taxonomy taxonomy,
    Districts districts)
    : Dialog<PracticeDraft>(conversations, NetworkingJsonContext.Default.PracticeDraft), IConversation, ICommandHandler
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 3000;
    public const int MaxLinkLength = 500;
    public const int MaxSchoolLength = 200;
    public const int MaxCodes = 5;

    private const string Skip = "skip";
    private const string Keep = "keep";
    private const string Send = "send";

    public static string Name => "pubp";

    // The same rule as PracticePublishers: approved flagships and the directors of internship sites.
    public static CommandRoute Route { get; } = new("publish_practice", "опубликовать практику в банке опыта", Audience.Flagship | Audience.SiteHost);

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<PracticeDraft>> Steps => field ??=
    [
        DialogStep<PracticeDraft>.Of("title", _ => new StepPrompt(NetworkingTexts.AskPracticeTitle), (draft, input) =>
            BoundedText.Accept<PracticeDraft>(input, MaxTitleLength, title => new StepOutcome<PracticeDraft>.Next(draft with { Title = title }, "codes"), multiline: false)),
        CodeChoice.Step<PracticeDraft>("codes", taxonomy, NetworkingTexts.AskPracticeCodes, d => d.Codes, (d, codes) => d with { Codes = codes }, "text", MaxCodes),
        DialogStep<PracticeDraft>.Of("text", _ => new StepPrompt(NetworkingTexts.AskPracticeDescription(MaxDescriptionLength)), (draft, input) =>
            BoundedText.Accept<PracticeDraft>(input, MaxDescriptionLength, text => new StepOutcome<PracticeDraft>.Next(draft with { Description = text }, "link"))),
        DialogStep<PracticeDraft>.Of("link", _ => new StepPrompt(NetworkingTexts.AskPracticeLink, [[new StepButton(ProfileTexts.SkipButton, Skip)]]), (draft, input) =>
            input.Choice == Skip
                ? new StepOutcome<PracticeDraft>.Next(draft with { Link = null }, "school")
                : ValidLink(input.Text) is { } link
                    ? new StepOutcome<PracticeDraft>.Next(draft with { Link = link }, "school")
                    : new StepOutcome<PracticeDraft>.Invalid(NetworkingTexts.BadLink)),
        DialogStep<PracticeDraft>.Of("school",
            draft => new StepPrompt(NetworkingTexts.AskPracticeSchool(draft.School), [[new StepButton(NetworkingTexts.KeepSchoolButton, Keep)]]),
            (draft, input) => input.Choice == Keep
                ? new StepOutcome<PracticeDraft>.Next(draft, "confirm")
                : BoundedText.Accept<PracticeDraft>(input, MaxSchoolLength, school => new StepOutcome<PracticeDraft>.Next(draft with { School = school }, "confirm"), multiline: false)),
        DialogStep<PracticeDraft>.Of("confirm",
            draft => new StepPrompt(NetworkingTexts.ConfirmPractice(Preview(draft)), [[new StepButton(NetworkingTexts.SendForReviewButton, Send)]]),
            (draft, input) => input.Choice == Send ? new StepOutcome<PracticeDraft>.Complete(draft) : new StepOutcome<PracticeDraft>.Invalid(ProfileTexts.UseButtons)),
    ];

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await publishers.FindAsync(context.UserId, cancellationToken) is not { } author)
        {
            context.Reply(NetworkingTexts.NotAPublisher);
            return;
        }
        await BeginAsync(context, new PracticeDraft { School = author.School, District = author.District }, cancellationToken: cancellationToken);
    }

    protected override async Task CompleteAsync(UpdateContext context, PracticeDraft draft, CancellationToken cancellationToken)
    {
        // Checked again: the author may have lost the right to publish while writing.
        if (await publishers.FindAsync(context.UserId, cancellationToken) is not { } author || draft is not { Title: { } title, Description: { } description })
        {
            context.Reply(NetworkingTexts.NotAPublisher);
            return;
        }
        var id = await practices.CreateAsync(new NewPractice(author.UserId, draft.School, author.District, title, description, draft.Link, draft.Codes), context.Now, cancellationToken);
        context.Reply(NetworkingTexts.PracticeSubmitted(title));
        var region = districts.Find(author.District)?.Region ?? "";
        foreach (var coordinator in await coordinators.CoveringAsync(author.District, region, cancellationToken))
        {
            context.Outbox.Send(coordinator, NetworkingTexts.PracticeForReview(title, author.FullName, draft.School, districts.Name(author.District)),
                PracticeReviewCallback.Keyboard(id));
        }
    }

    /// <summary>An absolute http or https address without spaces or credentials, or null.</summary>
    public static string? ValidLink(string? text)
    {
        var link = TextInput.Clean(text);
        return link.Length is > 0 and <= MaxLinkLength && !link.Contains(' ')
            && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && uri.UserInfo.Length == 0
            ? link
            : null;
    }

    private HtmlText Preview(PracticeDraft draft) =>
        NetworkingTexts.PracticeCard(draft.Title ?? "", draft.School, districts.Name(draft.District), ProfileTexts.Listed(draft.Codes, taxonomy), draft.Description ?? "", draft.Link);
}
