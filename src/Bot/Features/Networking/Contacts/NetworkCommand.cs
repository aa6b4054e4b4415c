using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.Contacts;

/// <summary>/network: whether colleagues get one's contact from «Написать», and whether /find shows one at all.</summary>
public sealed class NetworkCommand(NetworkingRepository network, PeopleRepository people) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("network", "мои настройки: контакт и видимость в поиске", Audience.Directors);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(context.UserId, cancellationToken) is not { } profile)
        {
            context.Reply(Texts.NotAllowed);
            return;
        }
        var view = NetworkSettingsView.Of(profile, await network.SettingsAsync(context.UserId, cancellationToken));
        context.Reply(view.Text, view.Keyboard);
    }
}

/// <summary>The two switches. Each button carries the value it sets, so pressing a stale one twice changes nothing more.</summary>
public sealed class NetworkSettingsCallback(NetworkingRepository network, PeopleRepository people) : ICallbackHandler
{
    public static string Prefix => "nwset";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Directors) || await people.FindAsync(context.UserId, cancellationToken) is not { } profile)
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        if (data.Arg(1) is not ("1" or "0"))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var on = data.Arg(1) == "1";
        switch (data.Arg(0))
        {
            case "contact":
                await network.SetAllowContactAsync(context.UserId, on, context.Now, cancellationToken);
                break;
            case "listed":
                await network.SetListedAsync(context.UserId, on, context.Now, cancellationToken);
                break;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
        var view = NetworkSettingsView.Of(profile, await network.SettingsAsync(context.UserId, cancellationToken));
        context.EditOrReply(view.Text, view.Keyboard);
        context.AnswerCallback(NetworkingTexts.SettingsSaved);
    }
}

/// <summary>The settings as the person reads them, with the buttons that flip each one.</summary>
internal sealed record NetworkSettingsView(HtmlText Text, InlineKeyboardMarkup Keyboard)
{
    public static NetworkSettingsView Of(DirectorProfile profile, NetworkSettings settings)
    {
        // Flagships are in the directory unless they leave it; young directors only once they ask to be.
        var listed = settings.Listed ?? profile.Role == DirectorRole.Flagship;
        return new NetworkSettingsView(
            NetworkingTexts.Settings(settings.AllowContact, listed),
            new InlineKeyboardMarkup(
            [
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.ContactSwitch(!settings.AllowContact),
                    CallbackData.Build(NetworkSettingsCallback.Prefix, "contact", settings.AllowContact ? 0 : 1))],
                [InlineKeyboardButton.WithCallbackData(NetworkingTexts.ListedSwitch(!listed),
                    CallbackData.Build(NetworkSettingsCallback.Prefix, "listed", listed ? 0 : 1))],
            ]));
    }
}
