using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Matching.Peers;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Networking.PeerMeetings;

/// <summary>
/// The monthly rounds of peer meetings. A round is a reminder addressed to no one (recipient 0), keyed by its month:
/// durable, held once, late after downtime rather than lost. It pairs the participants through the matching library
/// and writes to each, then asks each a week later whether they met.
/// </summary>
public sealed class PeerRounds(
    PeerMeetingRepository peers,
    PeopleRepository people,
    ReminderScheduler scheduler,
    OutboxWriter outbox,
    Districts districts,
    IOptions<NetworkingOptions> options)
{
    private const string RoundType = "peer-round";

    private NetworkingOptions Options => options.Value;

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Options.PeerRoundTimeZone);

    public static ReminderSubject GroupSubject(long groupId) => new("peer-group", groupId);

    /// <summary>"2026-12" for the subject of December 2026's round.</summary>
    public static string MonthOf(ReminderSubject round) =>
        string.Create(CultureInfo.InvariantCulture, $"{round.Id / 100:0000}-{round.Id % 100:00}");

    /// <summary>The next round after <paramref name="now"/>: this month's if still ahead, otherwise next month's.</summary>
    public DateTimeOffset NextRoundAt(DateTimeOffset now)
    {
        var today = LocalCalendar.LocalDate(now, Zone);
        var month = new DateOnly(today.Year, today.Month, 1);
        var thisMonth = RoundAt(month);
        return thisMonth > now ? thisMonth : RoundAt(month.AddMonths(1));
    }

    /// <summary>Plans the next round while anyone takes part; planning the same month twice is a no-op.</summary>
    public async Task PlanNextAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await peers.AnyParticipantsAsync(cancellationToken))
        {
            return;
        }
        var at = NextRoundAt(now);
        var month = LocalCalendar.LocalDate(at, Zone);
        await scheduler.ScheduleAsync<PeerRoundReminder>(new ReminderSubject(RoundType, month.Year * 100 + month.Month), 0, at,
            month.ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
    }

    /// <summary>Pairs this month's participants and tells each; false when the month's round was already held.</summary>
    public async Task<bool> HoldAsync(string month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await peers.RoundHeldAsync(month, cancellationToken))
        {
            return false;
        }
        var history = (await peers.RecentRoundsAsync(Options.PeerHistoryRounds, cancellationToken))
            .Select(round => new PeerRound(round.Select(group => (IReadOnlyList<string>)group.Select(Id).ToList()).ToList()))
            .ToList();
        var participants = (await peers.ActiveAsync(cancellationToken)).Select(p => new PeerParticipant(Id(p.UserId), p.District, p.CrossDistrict));
        var seed = int.Parse(month.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var result = PeerPairing.Pair(participants, history, new PeerPairingOptions(seed, Options.PeerRecentPartners));

        var groups = result.Groups.Select(g => (IReadOnlyList<long>)g.Select(UserId).ToList()).ToList();
        if (await peers.SaveRoundAsync(month, groups, now, cancellationToken) is not { } groupIds)
        {
            return false;
        }
        for (var i = 0; i < groups.Count; i++)
        {
            await AnnounceAsync(groupIds[i], groups[i], now, cancellationToken);
        }
        foreach (var leftOut in result.LeftOut)
        {
            outbox.Send(UserId(leftOut.Id), NetworkingTexts.LeftOut(leftOut.Reason, NetworkingTexts.Date(LocalCalendar.LocalDate(NextRoundAt(now), Zone))));
        }
        return true;
    }

    /// <summary>Each member gets the others' contacts (joining said they would), and a "did you meet?" a week later.</summary>
    private async Task AnnounceAsync(long groupId, IReadOnlyList<long> members, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profiles = new List<DirectorProfile>();
        foreach (var member in members)
        {
            if (await people.FindAsync(member, cancellationToken) is { } profile)
            {
                profiles.Add(profile);
            }
        }
        foreach (var member in profiles)
        {
            var others = profiles.Where(p => p.UserId != member.UserId)
                .Select(p => NetworkingTexts.PartnerLine(NetworkingTexts.Contact(p.UserId, p.FullName, p.Username), p.School, districts.Name(p.District)))
                .ToList();
            outbox.Send(member.UserId, NetworkingTexts.Matched(others));
            await scheduler.ScheduleAsync<PeerFollowUp>(GroupSubject(groupId), member.UserId, now + Options.PeerFollowUpAfter,
                $"{groupId}:{member.UserId}", cancellationToken: cancellationToken);
        }
    }

    private DateTimeOffset RoundAt(DateOnly month)
    {
        var first = month.AddDays(((int)Options.PeerRoundDay - (int)month.DayOfWeek + 7) % 7);
        return LocalCalendar.At(first, Options.PeerRoundTime, Zone);
    }

    private static string Id(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    private static long UserId(string id) => long.Parse(id, CultureInfo.InvariantCulture);
}
