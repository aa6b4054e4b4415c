using System.Security.Cryptography;
using System.Text.Json.Serialization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Onboarding;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>The "Invites" section.</summary>
public sealed class InviteOptions
{
    public const string Section = "Invites";

    public int LifetimeDays { get; set; } = 7;
}

/// <summary>The districts come from the coordinator's scope when the dialog starts; the choice is checked again at the end.</summary>
public sealed record InviteDraft(IReadOnlyList<string> AllowedDistricts, string? Role = null, string? District = null);

[JsonSerializable(typeof(InviteDraft))]
internal sealed partial class InviteJsonContext : JsonSerializerContext;

/// <summary>/invite: a one-time deep link that makes whoever opens it a coordinator or a pre-approved flagship.</summary>
public sealed class InviteDialog(
    ConversationRepository conversations,
    InviteRepository invites,
    BotIdentity bot,
    Districts districts,
    IOptions<InviteOptions> options)
    : Dialog<InviteDraft>(conversations, InviteJsonContext.Default.InviteDraft), IConversation, ICommandHandler
{
    public static string Name => "invite";

    public static CommandRoute Route { get; } = new("invite", "одноразовая ссылка-приглашение", Audience.Coordinator);

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<InviteDraft>> Steps => field ??=
    [
        DialogStep<InviteDraft>.Of("role",
            _ => new StepPrompt(CoordinationTexts.ChooseInviteRole,
            [
                [new StepButton(CoordinationTexts.InviteFlagshipButton, InviteRoles.Flagship)],
                [new StepButton(CoordinationTexts.InviteCoordinatorButton, InviteRoles.Coordinator)],
            ]),
            (draft, input) => input.Choice is InviteRoles.Flagship or InviteRoles.Coordinator
                ? new StepOutcome<InviteDraft>.Next(draft with { Role = input.Choice }, "district")
                : new StepOutcome<InviteDraft>.Invalid(ProfileTexts.UseButtons)),
        DialogStep<InviteDraft>.Of("district",
            draft => new StepPrompt(CoordinationTexts.ChooseInviteDistrict, draft.AllowedDistricts
                .Select(code => (IReadOnlyList<StepButton>)[new StepButton(districts.Name(code), code)]).ToList()),
            (draft, input) => input.Choice is { } code && draft.AllowedDistricts.Contains(code)
                ? new StepOutcome<InviteDraft>.Complete(draft with { District = code })
                : new StepOutcome<InviteDraft>.Invalid(ProfileTexts.UseButtons)),
    ];

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken) =>
        BeginAsync(context, new InviteDraft(context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList()), cancellationToken: cancellationToken);

    protected override async Task CompleteAsync(UpdateContext context, InviteDraft draft, CancellationToken cancellationToken)
    {
        if (draft is not { Role: { } role, District: { } district } || !context.Caller.Coordinates(district))
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        var code = NewCode();
        var expires = context.Now.AddDays(options.Value.LifetimeDays);
        await invites.CreateAsync(new Invite(code, role, district, null, expires), context.UserId, context.Now, cancellationToken);
        var link = BotIdentity.DeepLink(await bot.UsernameAsync(cancellationToken), code);
        var roleLabel = role == InviteRoles.Flagship ? "директор-флагман" : "координатор";
        var local = TimeZoneInfo.ConvertTime(expires, districts.TimeZone(district));
        context.Reply(CoordinationTexts.InviteCreated(link, roleLabel, districts.Name(district), local.ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>22 characters of [A-Za-z0-9_-] from 128 random bits: unguessable and within Telegram's 64.</summary>
    public static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
