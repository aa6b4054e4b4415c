using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Registration;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Onboarding;

/// <summary>The steps after consent: taking an invite, choosing a role, starting registration.</summary>
public sealed class OnboardingFlow(
    InviteRepository invites,
    PeopleRepository people,
    RoleChange roleChange,
    CoordinatorRepository coordinators,
    RegistrationDialog registration,
    RouteTable routes,
    IServiceProvider services,
    Districts districts)
{
    public static InlineKeyboardMarkup RoleKeyboard() => new(
    [
        [InlineKeyboardButton.WithCallbackData(ProfileTexts.YoungButton, CallbackData.Build(RoleCallback.Prefix, "young"))],
        [InlineKeyboardButton.WithCallbackData(ProfileTexts.FlagshipButton, CallbackData.Build(RoleCallback.Prefix, "flagship"))],
    ]);

    public string DistrictNames(IEnumerable<string> codes) => string.Join(", ", codes.Order(StringComparer.Ordinal).Select(districts.Name));

    public async Task ResumeAsync(UpdateContext context, ConversationState state, CancellationToken cancellationToken)
    {
        if (state.Dialog == RegistrationDialog.Name)
        {
            context.Reply(ProfileTexts.AlreadyInDialog);
        }
        if (routes.Conversations.TryGetValue(state.Dialog, out var type))
        {
            await ((IConversation)services.GetRequiredService(type)).ResumeAsync(context, cancellationToken);
        }
    }

    /// <summary>
    /// What a person who has consented and brings no invite sees, after /start or the consent button alike: their
    /// profile's greeting, a coordinator's, or the choice of role.
    /// </summary>
    public async Task GreetAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(context.UserId, cancellationToken) is { } profile)
        {
            context.Reply(ProfileTexts.WelcomeBack(profile.FullName));
            return;
        }
        if (await coordinators.FindAsync(context.UserId, cancellationToken) is not null)
        {
            context.Reply(ProfileTexts.CoordinatorWelcome(DistrictNames(context.Caller.CoordinatorDistricts)), RoleKeyboard());
            return;
        }
        context.Reply(ProfileTexts.ChooseRole, RoleKeyboard());
    }

    public Task BeginRegistrationAsync(UpdateContext context, DirectorRole role, string? inviteCode, string? district, CancellationToken cancellationToken) =>
        registration.BeginAsync(context, new RegistrationDraft { Role = role, InviteCode = inviteCode, District = district }, cancellationToken: cancellationToken);

    /// <summary>A coordinator invite takes effect at once; a flagship invite leads into registration with its district set.</summary>
    public async Task AcceptInviteAsync(UpdateContext context, string code, CancellationToken cancellationToken)
    {
        var invite = await invites.FindUsableAsync(code, context.Now, cancellationToken);
        if (invite is null)
        {
            context.Reply(ProfileTexts.InviteInvalid);
            return;
        }
        if (invite.Role == InviteRoles.Flagship)
        {
            switch (await people.FindAsync(context.UserId, cancellationToken))
            {
                case { Role: DirectorRole.Young } young:
                    await roleChange.OfferAsync(context, young, code, cancellationToken);
                    return;
                case { Role: DirectorRole.Flagship, Status: ProfileStatus.Approved }:
                    context.Reply(ProfileTexts.AlreadyFlagship);
                    return;
            }
            await BeginRegistrationAsync(context, DirectorRole.Flagship, code, invite.District, cancellationToken);
            return;
        }
        if (await invites.RedeemAsync(code, context.UserId, context.Now, cancellationToken) is not { } redeemed)
        {
            context.Reply(ProfileTexts.InviteInvalid);
            return;
        }
        var name = string.Join(' ', new[] { context.From.FirstName, context.From.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        await coordinators.UpsertAsync(
            new CoordinatorRecord(context.UserId, TextInput.Clean(name), redeemed.Region, redeemed.District is null ? [] : [redeemed.District], "invite"),
            context.Now, cancellationToken);
        var scope = redeemed.Region ?? districts.Name(redeemed.District);
        context.Reply(ProfileTexts.CoordinatorWelcome(scope));
    }
}

public static class InviteRoles
{
    public const string Coordinator = "coordinator";
    public const string Flagship = "flagship";
}
