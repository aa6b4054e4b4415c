using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking.Practices;

/// <summary>Approved practices for a young director's open deficits, for the mentorship screens to show.</summary>
public interface IPracticeSuggestions
{
    /// <summary>A paragraph listing a few practices, or nothing when none matches.</summary>
    Task<IReadOnlyList<HtmlText>> ForMenteeAsync(DirectorProfile mentee, CancellationToken cancellationToken);
}

/// <summary>
/// A deficit is open unless the latest monthly check-in of the young director's partnership rated it fully closed;
/// the newest approved practices addressing any open deficit come first.
/// </summary>
public sealed class PracticeSuggestions(PracticeRepository practices, PartnershipRepository partnerships, Catalog.Districts districts) : IPracticeSuggestions
{
    public const int Shown = 3;
    private const int Closed = 5;

    public async Task<IReadOnlyList<HtmlText>> ForMenteeAsync(DirectorProfile mentee, CancellationToken cancellationToken)
    {
        var open = (await OpenDeficitsAsync(mentee, cancellationToken)).ToList();
        if (open.Count == 0)
        {
            return [];
        }
        var found = await practices.ApprovedPageAsync(open, 0, Shown, cancellationToken);
        return found.Count == 0
            ? []
            : [NetworkingTexts.SuggestedPractices(found.Select(p => (p.Title, p.School, districts.Name(p.District))).ToList())];
    }

    /// <summary>The deficits, less those the latest check-in rated fully closed.</summary>
    public async Task<IEnumerable<string>> OpenDeficitsAsync(DirectorProfile mentee, CancellationToken cancellationToken)
    {
        var partnership = await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken);
        var checkins = partnership is null ? [] : await partnerships.CheckinsAsync(partnership.Id, cancellationToken);
        var latest = checkins.Count > 0 ? checkins[^1] : null;
        return mentee.Deficits.Where(code => latest is null || !latest.Ratings.TryGetValue(code, out var rating) || rating < Closed);
    }
}
