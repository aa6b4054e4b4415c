using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Onboarding;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.ForumInvites;

/// <summary>
/// /start with a forum link. Consent comes first, as for every newcomer, and the link rides in the consent button as
/// its id; registration then starts with the link's role and district already set.
/// </summary>
public sealed class ForumLinkStart(ForumLinkRepository links, ConsentRepository consents, PeopleRepository people, OnboardingFlow onboarding, Districts districts)
{
    private const string PayloadPrefix = "forum_";
    private static readonly int PayloadLength = PayloadPrefix.Length + InviteDialog.NewCode().Length;

    /// <summary>The prefix and an invite-strength random code: longer than any one-time invite code, so never taken for one.</summary>
    public static string NewPayload() => PayloadPrefix + InviteDialog.NewCode();

    public static bool Handles(string payload) => payload.Length == PayloadLength && payload.StartsWith(PayloadPrefix, StringComparison.Ordinal);

    public async Task StartAsync(UpdateContext context, string payload, CancellationToken cancellationToken)
    {
        if (await links.FindUsableAsync(payload, context.Now, cancellationToken) is not { } link)
        {
            context.Reply(NetworkingTexts.ForumLinkInvalid);
            return;
        }
        await links.CountOpeningAsync(link.Id, cancellationToken);
        if (!await consents.HasConsentedAsync(context.UserId, cancellationToken))
        {
            context.Reply(ProfileTexts.Welcome, new InlineKeyboardMarkup(
            [
                [InlineKeyboardButton.WithCallbackData(ProfileTexts.AgreeButton, CallbackData.Build(ForumLinkCallback.Prefix, "y", link.Id))],
                [InlineKeyboardButton.WithCallbackData(ProfileTexts.DeclineButton, ConsentCallback.Data(agree: false, null))],
            ]));
            return;
        }
        await RegisterAsync(context, link, cancellationToken);
    }

    /// <summary>Registration with the link's role and district; someone who has a profile is just welcomed back.</summary>
    public async Task RegisterAsync(UpdateContext context, ForumLink link, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(context.UserId, cancellationToken) is { } profile)
        {
            context.Reply(ProfileTexts.WelcomeBack(profile.FullName));
            return;
        }
        var role = Enum.Parse<DirectorRole>(link.Role);
        context.Reply(NetworkingTexts.ForumWelcome(role == DirectorRole.Young ? NetworkingTexts.ForumYoungRole : NetworkingTexts.ForumFlagshipRole, districts.Name(link.District)));
        await onboarding.BeginRegistrationAsync(context, role, null, link.District, cancellationToken);
    }
}

/// <summary>Consent given through a forum link, and a coordinator revoking a link; both checked against the link as it is now.</summary>
public sealed class ForumLinkCallback(ForumLinkRepository links, ConsentRepository consents, ForumLinkStart start) : ICallbackHandler
{
    public static string Prefix => "fl";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        switch (data.Arg(0))
        {
            case "y":
                if (context.Conversation is not null)
                {
                    context.AnswerCallback(ProfileTexts.AlreadyRegistered, alert: true);
                    return;
                }
                context.RemoveCallbackKeyboard();
                await consents.RecordAsync(context.UserId, ProfileTexts.ConsentVersion, context.Now, cancellationToken);
                if (data.LongArg(1) is not { } id || await links.FindUsableAsync(id, context.Now, cancellationToken) is not { } link)
                {
                    context.Reply(NetworkingTexts.ForumLinkInvalid);
                    return;
                }
                await start.RegisterAsync(context, link, cancellationToken);
                return;
            case "rev":
                if (data.LongArg(1) is not { } linkId || await links.DistrictOfAsync(linkId, cancellationToken) is not { } district
                    || !context.Caller.Coordinates(district))
                {
                    context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
                    return;
                }
                context.RemoveCallbackKeyboard();
                context.AnswerCallback(await links.RevokeAsync(linkId, context.Now, cancellationToken)
                    ? NetworkingTexts.ForumLinkRevoked(await links.OpenedAsync(linkId, cancellationToken))
                    : NetworkingTexts.ForumLinkAlreadyRevoked, alert: true);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }
}
