using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Networking.Contacts;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.Search;

/// <summary>What a /find looks for: a competency, a district, or words of a school's name, its settlement or a note.</summary>
public sealed record SearchCriteria(string? Code, string? District, string? Query);

/// <summary>
/// Runs a search and shows one page of it. Free text is matched against a folded copy of each profile's school,
/// settlement and note (<see cref="SearchText"/>), refreshed for the profiles changed since the last search; the match is a substring
/// scan of that one column, fine for the tens of thousands of schools of the whole country.
/// </summary>
public sealed class DirectorySearch(NetworkingRepository network, PeopleRepository people, Taxonomy taxonomy, Districts districts)
{
    public const int MaxQueryLength = 100;

    /// <summary>Stores the criteria as the person's latest search and shows its first page.</summary>
    public async Task StartAsync(UpdateContext context, SearchCriteria criteria, CancellationToken cancellationToken)
    {
        var stamp = await network.SaveSearchAsync(context.UserId, criteria.Code, criteria.District, criteria.Query, context.Now, cancellationToken);
        await ShowAsync(context, criteria, stamp, 1, cancellationToken);
    }

    /// <summary>Shows the page, or says the button is stale when the list no longer has it.</summary>
    public async Task ShowAsync(UpdateContext context, SearchCriteria criteria, long stamp, int page, CancellationToken cancellationToken)
    {
        if (criteria.Query is not null)
        {
            await RefreshIndexAsync(cancellationToken);
        }
        var viewer = await people.FindAsync(context.UserId, cancellationToken);
        var query = new DirectoryQuery(context.UserId, viewer?.District, criteria.Code, criteria.District, SearchText.Words(criteria.Query));
        var total = await network.CountAsync(query, cancellationToken);
        if (!Pages.Exists(page, total))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var found = new List<DirectorProfile>();
        foreach (var id in await network.PageAsync(query, Pages.Offset(page), Pages.Size, cancellationToken))
        {
            if (await people.FindAsync(id, cancellationToken) is { } profile)
            {
                found.Add(profile);
            }
        }
        var lines = new List<HtmlText> { NetworkingTexts.SearchHeader(Describe(criteria), total, page, Pages.Count(total)) };
        lines.AddRange(found.Select((p, i) => NetworkingTexts.SearchResult(
            Pages.Offset(page) + i + 1, p, districts.Name(p.District), Competencies(p))));
        if (total == 0)
        {
            lines.Add(NetworkingTexts.NothingFound);
        }
        var rows = found
            .Select(p => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(NetworkingTexts.WriteButton(p.FullName), ContactCallback.WriteData(p.UserId))])
            .ToList();
        if (Pages.Navigation(page, total, p => CallbackData.Build(FindCallback.Prefix, "p", stamp, p)) is { Count: > 0 } navigation)
        {
            rows.Add(navigation);
        }
        context.EditOrReply(Html.Join("\n\n", lines), new InlineKeyboardMarkup(rows));
    }

    /// <summary>What was searched for, as the search's header and /my_data name it.</summary>
    public string Describe(SearchCriteria criteria) => criteria switch
    {
        { Code: { } code } => taxonomy.Label(code),
        { District: { } district } => districts.Name(district),
        _ => RussianQuotes.Quote(criteria.Query),
    };

    /// <summary>What a person can share: a flagship's strengths, a young director's offers.</summary>
    private string Competencies(DirectorProfile profile) =>
        ProfileTexts.Listed(profile.Role == DirectorRole.Flagship ? profile.Strengths : profile.Offers, taxonomy);

    private async Task RefreshIndexAsync(CancellationToken cancellationToken)
    {
        await network.DropOrphanSearchEntriesAsync(cancellationToken);
        foreach (var stale in await network.StaleSearchEntriesAsync(cancellationToken))
        {
            await network.SaveSearchEntryAsync(stale.UserId, stale.UpdatedAt, SearchText.Normalize($"{stale.School} {stale.Settlement} {stale.Note}"), cancellationToken);
        }
    }
}
