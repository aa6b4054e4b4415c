using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.Search;

/// <summary>/find: colleagues by competency or district from the menu, or by words typed after the command.</summary>
public sealed class FindCommand(DirectorySearch search) : ICommandHandler
{
    /// <summary>Registered directors and coordinators; a flagship still waiting for approval does not search yet.</summary>
    public const Audience Searchers = Audience.Directors | Audience.Coordinator;

    public static CommandRoute Route { get; } = new("find", "найти коллег по компетенции, району, школе", Searchers);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0)
        {
            context.Reply(NetworkingTexts.FindMenu, FindCallback.Menu());
            return;
        }
        if (arguments.Length > DirectorySearch.MaxQueryLength)
        {
            context.Reply(NetworkingTexts.QueryTooLong(DirectorySearch.MaxQueryLength));
            return;
        }
        if (SearchText.Normalize(arguments).Length < 2)
        {
            context.Reply(NetworkingTexts.QueryTooShort);
            return;
        }
        await search.StartAsync(context, new SearchCriteria(null, null, TextInput.Clean(arguments)), cancellationToken);
    }
}

/// <summary>The /find menu and page buttons. Every press checks the role, the code or district, and the search's stamp and page.</summary>
public sealed class FindCallback(DirectorySearch search, NetworkingRepository network, Taxonomy taxonomy, Districts districts) : ICallbackHandler
{
    public static string Prefix => "find";

    public static InlineKeyboardMarkup Menu() => new(
    [
        [InlineKeyboardButton.WithCallbackData(NetworkingTexts.ByCompetencyButton, CallbackData.Build(Prefix, "codes"))],
        [InlineKeyboardButton.WithCallbackData(NetworkingTexts.ByDistrictButton, CallbackData.Build(Prefix, "districts"))],
    ]);

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(FindCommand.Searchers))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "codes":
                context.EditOrReply(NetworkingTexts.ChooseCompetency, new InlineKeyboardMarkup(taxonomy.Entries
                    .Select(e => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(e.Label, CallbackData.Build(Prefix, "c", e.Code))])
                    .ToList()));
                return;
            case "districts":
                context.EditOrReply(NetworkingTexts.ChooseDistrict, new InlineKeyboardMarkup(districts.All
                    .Select(d => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(d.Name, CallbackData.Build(Prefix, "d", d.Code))])
                    .ToList()));
                return;
            case "c" when taxonomy.Contains(data.Arg(1)):
                await search.StartAsync(context, new SearchCriteria(data.Arg(1), null, null), cancellationToken);
                return;
            case "d" when districts.Find(data.Arg(1)) is not null:
                await search.StartAsync(context, new SearchCriteria(null, data.Arg(1), null), cancellationToken);
                return;
            case "p" when await network.FindSearchAsync(context.UserId, cancellationToken) is { } saved
                          && saved.Stamp == data.LongArg(1) && data.LongArg(2) is { } page and <= int.MaxValue:
                await search.ShowAsync(context, new SearchCriteria(saved.Code, saved.District, saved.Query), saved.Stamp, (int)page, cancellationToken);
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }
}
