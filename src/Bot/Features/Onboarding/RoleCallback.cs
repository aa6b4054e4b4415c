using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Onboarding;

/// <summary>"I am a young director" / "I am a flagship": starts registration, for a consented person without a profile.</summary>
public sealed class RoleCallback(ConsentRepository consents, PeopleRepository people, OnboardingFlow onboarding) : ICallbackHandler
{
    public static string Prefix => "role";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        var role = data.Arg(0) switch
        {
            "young" => DirectorRole.Young,
            "flagship" => DirectorRole.Flagship,
            _ => (DirectorRole?)null,
        };
        if (role is null || !await consents.HasConsentedAsync(context.UserId, cancellationToken))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        if (context.Conversation is not null || await people.FindAsync(context.UserId, cancellationToken) is not null)
        {
            context.AnswerCallback(ProfileTexts.AlreadyRegistered, alert: true);
            return;
        }
        context.RemoveCallbackKeyboard();
        await onboarding.BeginRegistrationAsync(context, role.Value, null, null, cancellationToken);
    }
}
