using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>/partnership: the card of one's partnership; a flagship with several chooses which.</summary>
public sealed class PartnershipCommand(PartnershipRepository partnerships, PeopleRepository people, PartnershipCard card) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("partnership", "карточка партнёрства: план, встречи, оценки", Audience.Directors);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var mine = new List<Partnership>();
        if (await partnerships.ActiveOfMenteeAsync(context.UserId, cancellationToken) is { } asMentee)
        {
            mine.Add(asMentee);
        }
        mine.AddRange(await partnerships.ActiveOfMentorAsync(context.UserId, cancellationToken));
        switch (mine.Count)
        {
            case 0:
                context.Reply(PartnershipTexts.NoPartnership(context.Caller.Is(Audience.Young)));
                return;
            case 1:
                await card.ShowAsync(context, mine[0], cancellationToken);
                return;
        }
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        foreach (var partnership in mine)
        {
            if (await people.FindAsync(partnership.OtherSide(context.UserId), cancellationToken) is { } other)
            {
                rows.Add([InlineKeyboardButton.WithCallbackData(MentorshipTexts.PersonButton(other), CallbackData.Build(PartnershipCallback.Prefix, "card", partnership.Id))]);
            }
        }
        context.Reply(PartnershipTexts.ChoosePartnership, new InlineKeyboardMarkup(rows));
    }
}
