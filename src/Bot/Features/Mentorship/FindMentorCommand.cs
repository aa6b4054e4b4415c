using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>/find_mentor: the best candidates with their reasons, or the request already waiting, or the mentor one has.</summary>
public sealed class FindMentorCommand(
    PeopleRepository people,
    PartnershipRepository partnerships,
    MentorRequestRepository requests,
    MentorshipFlow flow) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("find_mentor", "подобрать наставника", Audience.Young);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var mentee = (await people.FindAsync(context.UserId, cancellationToken))!;
        if (await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken) is { } partnership
            && await people.FindAsync(partnership.MentorId, cancellationToken) is { } mentor)
        {
            context.Reply(MentorshipTexts.AlreadyHasMentor(mentor));
            return;
        }
        if (await requests.PendingOfMenteeAsync(mentee.UserId, cancellationToken) is { } pending
            && await people.FindAsync(pending.MentorId, cancellationToken) is { } addressee)
        {
            context.Reply(MentorshipTexts.PendingRequestExists(addressee, flow.Local(pending.ExpiresAt, mentee)),
                new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(MentorshipTexts.WithdrawButton, CallbackData.Build(RequestCallback.Prefix, "wd", pending.Id))]]));
            return;
        }
        await flow.OfferSuggestionsAsync(mentee, null, cancellationToken);
    }
}
