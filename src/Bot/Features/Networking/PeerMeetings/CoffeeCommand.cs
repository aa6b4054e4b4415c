using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.PeerMeetings;

/// <summary>/coffee: take part in the monthly peer meetings, choose how far, pause, or leave.</summary>
public sealed class CoffeeCommand(CoffeeScreen screen) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("coffee", "случайный кофе: встреча с коллегой раз в месяц", Audience.Directors);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var (text, keyboard) = await screen.RenderAsync(context, cancellationToken);
        context.Reply(text, keyboard);
    }
}

/// <summary>The /coffee switches and the answer to "did you meet?". Each carries the value it sets and is checked against the current state.</summary>
public sealed class CoffeeCallback(PeerMeetingRepository peers, PeerRounds rounds, CoffeeScreen screen) : ICallbackHandler
{
    public static string Prefix => "cof";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Directors))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        if (data.Arg(0) == "met")
        {
            await AnswerAsync(context, data, cancellationToken);
            return;
        }
        var on = data.Arg(1) == "1";
        var changed = data.Arg(0) switch
        {
            "join" => await JoinAsync(context, on, cancellationToken),
            "pause" => await peers.SetPausedAsync(context.UserId, on, context.Now, cancellationToken),
            "cross" => await peers.SetCrossDistrictAsync(context.UserId, on, context.Now, cancellationToken),
            "leave" => await peers.LeaveAsync(context.UserId, cancellationToken),
            _ => false,
        };
        if (!changed)
        {
            context.AnswerCallback(Texts.StaleButton);
        }
        var (text, keyboard) = await screen.RenderAsync(context, cancellationToken);
        context.EditOrReply(text, keyboard);
    }

    private async Task<bool> JoinAsync(UpdateContext context, bool crossDistrict, CancellationToken cancellationToken)
    {
        await peers.JoinAsync(context.UserId, crossDistrict, context.Now, cancellationToken);
        await rounds.PlanNextAsync(context.Now, cancellationToken);
        return true;
    }

    /// <summary>"Did you meet?": only a member of that group, and only once.</summary>
    private async Task AnswerAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (data.LongArg(1) is not { } groupId || data.Arg(2) is not ("1" or "0")
            || !await peers.AnswerAsync(groupId, context.UserId, data.Arg(2) == "1", context.Now, cancellationToken))
        {
            context.RemoveCallbackKeyboard();
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        context.EditOrReply(data.Arg(2) == "1" ? NetworkingTexts.GladYouMet : NetworkingTexts.SorryYouDidNotMeet);
    }
}

/// <summary>The /coffee screen: whether one takes part, how far, and the next round's date in one's own time zone.</summary>
public sealed class CoffeeScreen(PeerMeetingRepository peers, PeopleRepository people, PeerRounds rounds, Districts districts)
{
    public async Task<(HtmlText Text, InlineKeyboardMarkup Keyboard)> RenderAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var participation = await peers.FindAsync(context.UserId, cancellationToken);
        var district = (await people.FindAsync(context.UserId, cancellationToken))?.District;
        var next = NetworkingTexts.Date(LocalCalendar.LocalDate(rounds.NextRoundAt(context.Now), districts.TimeZone(district)));
        string Data(string action, int value = 0) => CallbackData.Build(CoffeeCallback.Prefix, action, value);
        IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> rows = participation switch
        {
            null =>
            [
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.JoinLocalButton, Data("join", 0))],
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.JoinCrossButton, Data("join", 1))],
            ],
            { Paused: true } =>
            [
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.ResumeButton, Data("pause", 0))],
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.LeaveButton, Data("leave"))],
            ],
            _ =>
            [
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.PauseButton, Data("pause", 1))],
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.CrossSwitch(!participation.CrossDistrict), Data("cross", participation.CrossDistrict ? 0 : 1))],
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.LeaveButton, Data("leave"))],
            ],
        };
        return (NetworkingTexts.CoffeeStatus(participation is not null, participation?.Paused ?? false, participation?.CrossDistrict ?? false, next), new InlineKeyboardMarkup(rows));
    }
}
