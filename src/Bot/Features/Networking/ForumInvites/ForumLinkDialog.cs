using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.ForumInvites;

/// <summary>
/// /forum_link: a multi-use deep link, and its QR code, for a forum's slides. Whoever opens it registers as a young
/// director or a flagship of the chosen district without being asked either. Being public, a flagship link does not
/// approve anyone: the coordinator still reviews them (a pre-approved flagship takes a one-time /invite).
/// </summary>
public sealed class ForumLinkDialog(
    ConversationRepository conversations,
    ForumLinkRepository links,
    BotIdentity bot,
    Districts districts)
    : Dialog<ForumLinkDraft>(conversations, NetworkingJsonContext.Default.ForumLinkDraft), IConversation, ICommandHandler
{
    /// <summary>How long a link may be printed for.</summary>
    public static readonly IReadOnlyList<int> LifetimeDays = [1, 7, 30];

    public static string Name => "forumlink";

    public static CommandRoute Route { get; } = new("forum_link", "ссылка и QR-код регистрации для форума", Audience.Coordinator);

    protected override string DialogName => Name;

    protected override IReadOnlyList<DialogStep<ForumLinkDraft>> Steps => field ??=
    [
        DialogStep<ForumLinkDraft>.Of("role",
            _ => new StepPrompt(NetworkingTexts.ChooseForumRole,
            [
                [new StepButton(NetworkingTexts.ForumYoungButton, nameof(DirectorRole.Young))],
                [new StepButton(NetworkingTexts.ForumFlagshipButton, nameof(DirectorRole.Flagship))],
            ]),
            (draft, input) => Enum.TryParse<DirectorRole>(input.Choice, out var role) && Enum.IsDefined(role)
                ? new StepOutcome<ForumLinkDraft>.Next(draft with { Role = role.ToString() }, "district")
                : new StepOutcome<ForumLinkDraft>.Invalid(ProfileTexts.UseButtons)),
        DialogStep<ForumLinkDraft>.Of("district",
            draft => new StepPrompt(NetworkingTexts.ChooseForumDistrict, draft.AllowedDistricts
                .Select(code => (IReadOnlyList<StepButton>)[new StepButton(districts.Name(code), code)]).ToList()),
            (draft, input) => input.Choice is { } code && draft.AllowedDistricts.Contains(code)
                ? new StepOutcome<ForumLinkDraft>.Next(draft with { District = code }, "days")
                : new StepOutcome<ForumLinkDraft>.Invalid(ProfileTexts.UseButtons)),
        DialogStep<ForumLinkDraft>.Of("days",
            _ => new StepPrompt(NetworkingTexts.ChooseForumLifetime,
                [LifetimeDays.Select(d => new StepButton(NetworkingTexts.Days(d), d.ToString(CultureInfo.InvariantCulture))).ToList()]),
            (draft, input) => int.TryParse(input.Choice, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && LifetimeDays.Contains(days)
                ? new StepOutcome<ForumLinkDraft>.Complete(draft with { Days = days })
                : new StepOutcome<ForumLinkDraft>.Invalid(ProfileTexts.UseButtons)),
    ];

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken) =>
        BeginAsync(context, new ForumLinkDraft(context.Caller.CoordinatorDistricts.Order(StringComparer.Ordinal).ToList()), cancellationToken: cancellationToken);

    protected override async Task CompleteAsync(UpdateContext context, ForumLinkDraft draft, CancellationToken cancellationToken)
    {
        if (draft is not { Role: { } role, District: { } district, Days: { } days } || !context.Caller.Coordinates(district))
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        var code = ForumLinkStart.NewPayload();
        var expires = context.Now.AddDays(days);
        var id = await links.CreateAsync(code, role, district, context.UserId, context.Now, expires, cancellationToken);
        var link = BotIdentity.DeepLink(await bot.UsernameAsync(cancellationToken), code);
        var until = MentorshipTexts.DateTime(TimeZoneInfo.ConvertTime(expires, districts.TimeZone(district)));
        var young = role == nameof(DirectorRole.Young);
        var roleLabel = young ? NetworkingTexts.ForumYoungRole : NetworkingTexts.ForumFlagshipRole;
        context.Reply(NetworkingTexts.ForumLinkCreated(link, roleLabel, districts.Name(district), until, reviewed: !young),
            new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(NetworkingTexts.RevokeForumLinkButton, CallbackData.Build(ForumLinkCallback.Prefix, "rev", id))]]));
        context.Outbox.SendDocument(context.ChatId, "forum-qr.png", QrCode.Png(link), NetworkingTexts.ForumQrCaption(roleLabel, districts.Name(district)));
    }
}
