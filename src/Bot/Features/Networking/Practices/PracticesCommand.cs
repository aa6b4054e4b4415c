using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Networking.Practices;

/// <summary>/practices: the bank of approved practices, by deficit; a young director also by their own open deficits.</summary>
public sealed class PracticesCommand(PracticeBrowser browser) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("practices", "банк управленческих практик", Audience.Registered);

    public Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken) => browser.ShowMenuAsync(context, cancellationToken);
}

/// <summary>The menu, the pages and the full card. A page or a card is shown only for what is approved now.</summary>
public sealed class PracticesCallback(PracticeBrowser browser, PracticeRepository practices, Taxonomy taxonomy) : ICallbackHandler
{
    public static string Prefix => "prac";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (!context.Caller.Is(Audience.Registered))
        {
            context.AnswerCallback(Texts.ButtonNotAllowed, alert: true);
            return;
        }
        switch (data.Arg(0))
        {
            case "menu":
                await browser.ShowMenuAsync(context, cancellationToken);
                return;
            case "c" when taxonomy.Contains(data.Arg(1)):
                await browser.ShowPageAsync(context, data.Arg(1), data.LongArg(2), cancellationToken);
                return;
            case "my":
                await browser.ShowPageAsync(context, null, data.LongArg(1), cancellationToken);
                return;
            case "o" when data.LongArg(1) is { } id && await practices.FindAsync(id, cancellationToken) is { Status: PracticeStatus.Approved } practice:
                context.Reply(browser.Card(practice));
                return;
            default:
                context.AnswerCallback(Texts.StaleButton);
                return;
        }
    }
}

/// <summary>Shows the bank: deficits with how many practices each has, then ten practices a page.</summary>
public sealed class PracticeBrowser(PracticeRepository practices, PeopleRepository people, PracticeSuggestions suggestions, Taxonomy taxonomy, Districts districts)
{
    public async Task ShowMenuAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var counts = await practices.ApprovedCountsAsync(cancellationToken);
        if (counts.Count == 0)
        {
            context.EditOrReply(NetworkingTexts.BankEmpty(context.Caller.Is(PublishPracticeDialog.Route.Audience)));
            return;
        }
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        if (await OpenDeficitsAsync(context, cancellationToken) is { Count: > 0 })
        {
            rows.Add([InlineKeyboardButton.WithCallbackData(NetworkingTexts.MyDeficitsButton, CallbackData.Build(PracticesCallback.Prefix, "my", 1))]);
        }
        rows.AddRange(taxonomy.Entries
            .Where(e => counts.ContainsKey(e.Code))
            .Select(e => (IReadOnlyList<InlineKeyboardButton>)[InlineKeyboardButton.WithCallbackData(
                NetworkingTexts.CodeWithCount(e.Label, counts[e.Code]), CallbackData.Build(PracticesCallback.Prefix, "c", e.Code, 1))]));
        context.EditOrReply(NetworkingTexts.BankMenu, new InlineKeyboardMarkup(rows));
    }

    /// <summary>A page of practices for one code, or for the caller's open deficits when <paramref name="code"/> is null.</summary>
    public async Task ShowPageAsync(UpdateContext context, string? code, long? page, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> codes = code is null ? await OpenDeficitsAsync(context, cancellationToken) : [code];
        var total = codes.Count == 0 ? 0 : await practices.CountApprovedAsync(codes, cancellationToken);
        if (total == 0 || !Pages.Exists(page, total))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var number = (int)page!.Value;
        var shown = await practices.ApprovedPageAsync(codes, Pages.Offset(number), Pages.Size, cancellationToken);
        var title = code is null ? NetworkingTexts.ByMyDeficits : taxonomy.Label(code);
        var lines = new List<HtmlText> { NetworkingTexts.BankPageHeader(title, total, number, Pages.Count(total)) };
        lines.AddRange(shown.Select((p, i) => NetworkingTexts.PracticeLine(Pages.Offset(number) + i + 1, p.Title, p.School, districts.Name(p.District), p.Description)));
        var rows = shown
            .Select((p, i) => InlineKeyboardButton.WithCallbackData(NetworkingTexts.OpenPracticeButton(Pages.Offset(number) + i + 1), CallbackData.Build(PracticesCallback.Prefix, "o", p.Id)))
            .Chunk(5)
            .Select(row => (IReadOnlyList<InlineKeyboardButton>)row)
            .ToList();
        var navigation = Pages.Navigation(number, total, p => code is null
            ? CallbackData.Build(PracticesCallback.Prefix, "my", p)
            : CallbackData.Build(PracticesCallback.Prefix, "c", code, p));
        rows.Add([.. navigation, InlineKeyboardButton.WithCallbackData(NetworkingTexts.BackToTopicsButton, CallbackData.Build(PracticesCallback.Prefix, "menu"))]);
        context.EditOrReply(Html.Join("\n\n", lines), new InlineKeyboardMarkup(rows));
    }

    public HtmlText Card(Practice practice) =>
        NetworkingTexts.PracticeCard(practice.Title, practice.School, districts.Name(practice.District), ProfileTexts.Listed(practice.Codes, taxonomy), practice.Description, practice.Link);

    private async Task<IReadOnlyList<string>> OpenDeficitsAsync(UpdateContext context, CancellationToken cancellationToken) =>
        context.Caller.Is(Audience.Young) && await people.FindAsync(context.UserId, cancellationToken) is { } mentee
            ? (await suggestions.OpenDeficitsAsync(mentee, cancellationToken)).ToList()
            : [];
}
