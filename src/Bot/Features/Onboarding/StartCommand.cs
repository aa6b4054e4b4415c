using System.Text.RegularExpressions;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Networking.ForumInvites;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Onboarding;

/// <summary>
/// /start, with or without an invite code from a deep link. Consent comes first: until it is given nothing about the
/// person is stored, and an invite code travels in the consent button rather than in the database.
/// </summary>
public sealed partial class StartCommand(
    ConsentRepository consents,
    InviteRepository invites,
    OnboardingFlow onboarding,
    ForumLinkStart forumLinks) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("start", "начать / вернуться в начало", Audience.Anyone, AllowedInDialog: true);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (context.Conversation is { } state)
        {
            await onboarding.ResumeAsync(context, state, cancellationToken);
            return;
        }

        if (ForumLinkStart.Handles(arguments))
        {
            await forumLinks.StartAsync(context, arguments, cancellationToken);
            return;
        }

        string? inviteCode = null;
        if (arguments.Length > 0)
        {
            if (!InviteCodeFormat().IsMatch(arguments) || await invites.FindUsableAsync(arguments, context.Now, cancellationToken) is null)
            {
                context.Reply(ProfileTexts.InviteInvalid);
                return;
            }
            inviteCode = arguments;
        }

        if (!await consents.HasConsentedAsync(context.UserId, cancellationToken))
        {
            context.Reply(ProfileTexts.Welcome, new InlineKeyboardMarkup(
            [
                [InlineKeyboardButton.WithCallbackData(ProfileTexts.AgreeButton, ConsentCallback.Data(agree: true, inviteCode))],
                [InlineKeyboardButton.WithCallbackData(ProfileTexts.DeclineButton, ConsentCallback.Data(agree: false, null))],
            ]));
            return;
        }
        if (inviteCode is not null)
        {
            await onboarding.AcceptInviteAsync(context, inviteCode, cancellationToken);
            return;
        }
        await onboarding.GreetAsync(context, cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex InviteCodeFormat();
}
