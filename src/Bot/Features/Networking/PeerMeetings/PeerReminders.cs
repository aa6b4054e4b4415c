using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.PeerMeetings;

/// <summary>The monthly round: held once per month, then the next one planned.</summary>
public sealed class PeerRoundReminder(PeerRounds rounds) : IReminderKind
{
    public static string Kind => "peer.round";

    /// <summary>Addressed to no one, so no one's pause may hold it back.</summary>
    public static bool IsEssential => true;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var held = await rounds.HoldAsync(PeerRounds.MonthOf(context.Reminder.Subject), context.Now, cancellationToken);
        await rounds.PlanNextAsync(context.Now, cancellationToken);
        return held ? ReminderDelivery.Sent : ReminderDelivery.Cancel;
    }
}

/// <summary>A week after the round: "did you meet?", unless already answered.</summary>
public sealed class PeerFollowUp(PeerMeetingRepository peers, PeopleRepository people) : IReminderKind
{
    public static string Kind => "peer.followup";
    public static bool IsEssential => false;

    public async Task<ReminderDelivery> DeliverAsync(ReminderContext context, CancellationToken cancellationToken)
    {
        var groupId = context.Reminder.Subject.Id;
        var recipient = context.Reminder.RecipientId;
        if (!await peers.AwaitsAnswerAsync(groupId, recipient, cancellationToken))
        {
            return ReminderDelivery.Cancel;
        }
        var names = new List<string>();
        foreach (var member in await peers.GroupMembersAsync(groupId, cancellationToken))
        {
            if (member != recipient && await people.FindAsync(member, cancellationToken) is { } partner)
            {
                names.Add(partner.FullName);
            }
        }
        context.Send(NetworkingTexts.DidYouMeet(names), new InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton.WithCallbackData(NetworkingTexts.MetButton, CallbackData.Build(CoffeeCallback.Prefix, "met", groupId, 1)),
                InlineKeyboardButton.WithCallbackData(NetworkingTexts.NotMetButton, CallbackData.Build(CoffeeCallback.Prefix, "met", groupId, 0)),
            ],
        ]));
        return ReminderDelivery.Sent;
    }
}
