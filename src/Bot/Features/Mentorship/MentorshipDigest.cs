using MentorBot.Bot.Catalog;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Reminders.Digest;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>Young directors with an active partnership are the mentored ones.</summary>
public sealed class MentoredDirectors(PartnershipRepository partnerships) : IMentoredDirectors
{
    public async Task<IReadOnlySet<long>> AmongAsync(IReadOnlyCollection<long> youngDirectorIds, CancellationToken cancellationToken) =>
        (await partnerships.ActiveAsync(cancellationToken)).Select(p => p.MenteeId).Where(youngDirectorIds.Contains).ToHashSet();
}

/// <summary>Requests waiting for an answer for more than the nudge interval (48 hours unless configured otherwise).</summary>
public sealed class WaitingRequestsSection(MentorRequestRepository requests, PeopleRepository people, Districts districts, IOptions<RemindersOptions> options) : IDigestSection
{
    public int Order => 400;

    public async Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        var items = new List<HtmlText>();
        var waitedLongerThan = options.Value.RequestNudgeAfter;
        foreach (var request in await requests.PendingSinceAsync(scope.Now - waitedLongerThan, cancellationToken))
        {
            var mentee = await people.FindAsync(request.MenteeId, cancellationToken);
            var mentor = await people.FindAsync(request.MentorId, cancellationToken);
            if (mentee is not null && mentor is not null && scope.Districts.Contains(mentee.District))
            {
                items.Add(Html.Format($"{mentee.FullName} ({districts.Name(mentee.District)}) → {mentor.FullName}, с {MentorshipTexts.Date(DateOnly.FromDateTime(request.CreatedAt.UtcDateTime))}"));
            }
        }
        return ReminderTexts.DigestSection($"Запросы без ответа дольше {CoordinationTexts.LongerThan(waitedLongerThan)}", items, "/pending");
    }
}

/// <summary>Partnerships with no meeting, plan change or check-in for the staleness interval (45 days by default).</summary>
public sealed class StalePartnershipsSection(PartnershipRepository partnerships, PeopleRepository people, IOptions<RemindersOptions> options) : IDigestSection
{
    public int Order => 500;

    public async Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        var items = new List<HtmlText>();
        foreach (var partnership in await partnerships.ActiveAsync(cancellationToken))
        {
            if (partnership.LastActivityAt + options.Value.StaleAfter > scope.Now)
            {
                continue;
            }
            var mentee = await people.FindAsync(partnership.MenteeId, cancellationToken);
            var mentor = await people.FindAsync(partnership.MentorId, cancellationToken);
            if (mentee is not null && mentor is not null && scope.Districts.Contains(mentee.District))
            {
                items.Add(Html.Format($"{mentor.FullName} — {mentee.FullName}, без активности с {MentorshipTexts.Date(DateOnly.FromDateTime(partnership.LastActivityAt.UtcDateTime))}"));
            }
        }
        return ReminderTexts.DigestSection("Партнёрства без активности", items, "/pairs");
    }
}
