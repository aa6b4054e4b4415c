using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Onboarding;

/// <summary>
/// A young director who opens a flagship invite. A person has one profile and one role, so the change is decided here:
/// while they are a mentee in an active partnership the role does not change (the partnership would lose its mentee);
/// otherwise they are told what the change closes (their waiting request, their wish for the coordinator's choice),
/// asked to confirm, and fill in the flagship's profile. The request is withdrawn and the coordinators are told only
/// when that profile is saved, so an abandoned registration changes nothing.
/// </summary>
public sealed class RoleChange(
    PeopleRepository people,
    PartnershipRepository partnerships,
    MentorRequestRepository requests,
    CoordinatorNotices coordinatorNotices,
    Districts districts)
{
    /// <summary>Answers a registered young director's flagship invite: a refusal with the reason, or the question.</summary>
    public async Task OfferAsync(UpdateContext context, DirectorProfile young, string inviteCode, CancellationToken cancellationToken)
    {
        if (await BlockedAsync(context, young, cancellationToken))
        {
            return;
        }
        var pending = await requests.PendingOfMenteeAsync(young.UserId, cancellationToken);
        var mentor = pending is null ? null : await people.FindAsync(pending.MentorId, cancellationToken);
        var wish = await requests.WantsCoordinatorChoiceAsync(young.UserId, cancellationToken);
        context.Reply(ProfileTexts.RoleChangeQuestion(mentor?.FullName, wish), new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData(ProfileTexts.BecomeFlagshipButton, CallbackData.Build(RoleChangeCallback.Prefix, "y", inviteCode))],
            [InlineKeyboardButton.WithCallbackData(ProfileTexts.StayYoungButton, CallbackData.Build(RoleChangeCallback.Prefix, "n"))],
        ]));
    }

    /// <summary>True, after telling the person and the coordinators, when the role cannot change now.</summary>
    public async Task<bool> BlockedAsync(UpdateContext context, DirectorProfile young, CancellationToken cancellationToken)
    {
        if (await partnerships.ActiveOfMenteeAsync(young.UserId, cancellationToken) is not { } partnership)
        {
            return false;
        }
        var mentor = await people.FindAsync(partnership.MentorId, cancellationToken);
        context.Reply(ProfileTexts.RoleChangeBlocked(mentor?.FullName ?? "", MentorshipTexts.Date(partnership.EndsOn)));
        await coordinatorNotices.TellAsync(young.District,
            ProfileTexts.RoleChangeBlockedToCoordinator(young.FullName, young.School, districts.Name(young.District)), cancellationToken);
        return true;
    }

    /// <summary>
    /// Just before the flagship profile replaces the young director's: withdraws the waiting request (its flagship is
    /// told) and drops the wish for the coordinator's choice.
    /// </summary>
    public async Task CloseMenteeSideAsync(UpdateContext context, DirectorProfile young, CancellationToken cancellationToken)
    {
        if (await requests.PendingOfMenteeAsync(young.UserId, cancellationToken) is { } pending
            && await requests.CloseAsync(pending.Id, RequestStatus.Withdrawn, null, context.Now, cancellationToken))
        {
            context.Outbox.Send(pending.MentorId, ProfileTexts.RequestWithdrawnByRoleChange(young.FullName));
        }
        await requests.ClearCoordinatorChoiceAsync(young.UserId, cancellationToken);
    }

    /// <summary>Tells the coordinators that a young director became a flagship by an invite.</summary>
    public Task AnnounceAsync(DirectorProfile flagship, CancellationToken cancellationToken) =>
        coordinatorNotices.TellAsync(flagship.District,
            ProfileTexts.RoleChangedToCoordinator(flagship.FullName, flagship.School, districts.Name(flagship.District)), cancellationToken);
}

/// <summary>The answer to the role-change question; checked again against the invite and the person as they are now.</summary>
public sealed class RoleChangeCallback(PeopleRepository people, InviteRepository invites, RoleChange roleChange, OnboardingFlow onboarding) : ICallbackHandler
{
    public static string Prefix => "rolechg";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (context.Conversation is not null)
        {
            context.AnswerCallback(ProfileTexts.AlreadyRegistered, alert: true);
            return;
        }
        context.RemoveCallbackKeyboard();
        if (data.Arg(0) != "y")
        {
            context.Reply(ProfileTexts.RoleUnchanged);
            return;
        }
        var young = await people.FindAsync(context.UserId, cancellationToken);
        var invite = data.Arg(1) is { Length: > 0 } code ? await invites.FindUsableAsync(code, context.Now, cancellationToken) : null;
        if (young is not { Role: DirectorRole.Young } || invite is not { Role: InviteRoles.Flagship })
        {
            context.Reply(young is { Role: DirectorRole.Flagship } ? ProfileTexts.AlreadyFlagship : ProfileTexts.InviteInvalid);
            return;
        }
        if (await roleChange.BlockedAsync(context, young, cancellationToken))
        {
            return;
        }
        await onboarding.BeginRegistrationAsync(context, DirectorRole.Flagship, invite.Code, invite.District, cancellationToken);
    }
}
