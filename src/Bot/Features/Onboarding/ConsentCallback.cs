using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Onboarding;

/// <summary>
/// The answer to the consent question. Agreeing records consent; refusing stores nothing. Once consent is recorded the
/// question's buttons are spent: a second press (a double tap, an old message) changes nothing and says so.
/// </summary>
public sealed class ConsentCallback(ConsentRepository consents, OnboardingFlow onboarding) : ICallbackHandler
{
    public static string Prefix => "consent";

    public static string Data(bool agree, string? inviteCode)
    {
        // The code rides in the button only while it fits in Telegram's 64 bytes; otherwise the person opens the link again.
        var withCode = agree && inviteCode is not null && inviteCode.Length <= CallbackData.MaxBytes - Prefix.Length - 4;
        return withCode ? CallbackData.Build(Prefix, "y", inviteCode!) : CallbackData.Build(Prefix, agree ? "y" : "n");
    }

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        context.RemoveCallbackKeyboard();
        if (await consents.HasConsentedAsync(context.UserId, cancellationToken))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        if (data.Arg(0) != "y")
        {
            context.Reply(ProfileTexts.ConsentDeclined);
            return;
        }
        await consents.RecordAsync(context.UserId, ProfileTexts.ConsentVersion, context.Now, cancellationToken);
        if (data.Arg(1) is { Length: > 0 } code)
        {
            await onboarding.AcceptInviteAsync(context, code, cancellationToken);
            return;
        }
        await onboarding.GreetAsync(context, cancellationToken);
    }
}
