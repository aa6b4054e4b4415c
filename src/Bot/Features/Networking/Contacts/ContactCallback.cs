using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Networking.Search;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.Contacts;

/// <summary>
/// «Написать» under a search result, and the answer to an introduction. The contact is handed out only by the person's
/// own setting or by their acceptance of this very introduction; everything is checked again on every press.
/// </summary>
public sealed class ContactCallback(
    NetworkingRepository network,
    PeopleRepository people,
    CoordinatorRepository coordinators,
    Districts districts,
    IOptions<NetworkingOptions> options) : ICallbackHandler
{
    public static string Prefix => "nw";

    public static string WriteData(long userId) => CallbackData.Build(Prefix, "w", userId);

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(FindCommand.Searchers))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "w":
                await WriteAsync(context, data.LongArg(1), cancellationToken);
                return;
            case "ok":
            case "no":
                await AnswerAsync(context, data.LongArg(1), data.Arg(0) == "ok", cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }

    private async Task WriteAsync(UpdateContext context, long? targetId, CancellationToken cancellationToken)
    {
        var target = targetId is { } id && id != context.UserId && await network.IsFindableAsync(id, cancellationToken)
            ? await people.FindAsync(id, cancellationToken)
            : null;
        if (target is null)
        {
            context.AnswerCallback(NetworkingTexts.ProfileUnavailable, alert: true);
            return;
        }
        var latest = await network.LatestIntroductionAsync(context.UserId, target.UserId, cancellationToken);
        if ((await network.SettingsAsync(target.UserId, cancellationToken)).AllowContact || latest?.Status == IntroductionStatus.Accepted)
        {
            context.Reply(NetworkingTexts.ContactOf(NetworkingTexts.Contact(target.UserId, target.FullName, target.Username), target.School));
            return;
        }
        switch (latest?.Status)
        {
            case IntroductionStatus.Pending:
                context.AnswerCallback(NetworkingTexts.IntroductionAlreadySent, alert: true);
                return;
            case IntroductionStatus.Declined:
                context.AnswerCallback(NetworkingTexts.IntroductionDeclinedBefore, alert: true);
                return;
        }
        if (await network.PendingIntroductionsFromAsync(context.UserId, cancellationToken) >= options.Value.MaxPendingIntroductions)
        {
            context.AnswerCallback(NetworkingTexts.TooManyIntroductions(options.Value.MaxPendingIntroductions), alert: true);
            return;
        }
        if (await network.CreateIntroductionAsync(context.UserId, context.From.Username, target.UserId, context.Now, cancellationToken) is not { } introductionId)
        {
            context.AnswerCallback(NetworkingTexts.IntroductionAlreadySent, alert: true);
            return;
        }
        context.Outbox.Send(target.UserId, NetworkingTexts.IntroductionRequest(await DescribeAsync(context.UserId, cancellationToken)), new InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton.WithCallbackData(NetworkingTexts.AcceptIntroductionButton, CallbackData.Build(Prefix, "ok", introductionId)),
                InlineKeyboardButton.WithCallbackData(NetworkingTexts.DeclineIntroductionButton, CallbackData.Build(Prefix, "no", introductionId)),
            ],
        ]));
        context.Reply(NetworkingTexts.IntroductionSent(target.FullName));
    }

    private async Task AnswerAsync(UpdateContext context, long? introductionId, bool accept, CancellationToken cancellationToken)
    {
        var introduction = introductionId is { } id ? await network.FindIntroductionAsync(id, cancellationToken) : null;
        if (introduction is null || introduction.AddresseeId != context.UserId)
        {
            context.AnswerCallback(NetworkingTexts.NotYourIntroduction, alert: true);
            return;
        }
        if (!await network.AnswerIntroductionAsync(introduction.Id, accept ? IntroductionStatus.Accepted : IntroductionStatus.Declined, context.Now, cancellationToken))
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(NetworkingTexts.IntroductionAlreadyAnswered);
            return;
        }
        var addressee = await people.FindAsync(context.UserId, cancellationToken);
        var requester = await people.FindAsync(introduction.RequesterId, cancellationToken);
        var requesterName = requester?.FullName ?? (await coordinators.FindAsync(introduction.RequesterId, cancellationToken))?.DisplayName ?? "";
        if (!accept)
        {
            context.EditOrReply(NetworkingTexts.YouDeclinedIntroduction(requesterName));
            context.Outbox.Send(introduction.RequesterId, NetworkingTexts.IntroductionDeclined(addressee?.FullName ?? ""));
            return;
        }
        var requesterContact = NetworkingTexts.Contact(introduction.RequesterId, requesterName, introduction.RequesterUsername ?? requester?.Username);
        var addresseeContact = NetworkingTexts.Contact(context.UserId, addressee?.FullName ?? context.From.FirstName, context.From.Username ?? addressee?.Username);
        context.EditOrReply(NetworkingTexts.YouAcceptedIntroduction(requesterContact));
        context.Outbox.Send(introduction.RequesterId, NetworkingTexts.IntroductionAccepted(addresseeContact, addressee?.School ?? ""));
    }

    /// <summary>Who asks, as the addressee reads it: a director's school and district, or a coordinator's districts.</summary>
    private async Task<HtmlText> DescribeAsync(long userId, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(userId, cancellationToken) is { } profile)
        {
            return NetworkingTexts.DirectorAsking(profile, districts.Name(profile.District));
        }
        var coordinator = await coordinators.FindAsync(userId, cancellationToken);
        return NetworkingTexts.CoordinatorAsking(coordinator?.DisplayName ?? "", string.Join(", ", (coordinator?.Districts ?? []).Select(districts.Name)));
    }
}
