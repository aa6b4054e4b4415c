using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>The hard rule a pair breaks; none of them may be outweighed by a good score.</summary>
public enum PairingRule
{
    /// <summary>The one asking is not an active young director.</summary>
    MenteeRole,
    /// <summary>The one asked is not a flagship a coordinator approved.</summary>
    MentorApproval,
    /// <summary>The two are in different regions: the bot never pairs across regions.</summary>
    Region,
    /// <summary>The flagship paused new requests.</summary>
    Availability,
    /// <summary>The flagship declined this young director before, or let a request from them expire.</summary>
    EarlierRefusal,
    /// <summary>The flagship has no free place (places kept for the pairs the forum designated to their school count as taken).</summary>
    Capacity,
    /// <summary>The young director's pair designated by the forum is still pending, with another flagship.</summary>
    Designated,
}

/// <summary>
/// The matching engine's hard rules for one pair (role, approval, region, availability, earlier refusals, capacity),
/// checked again wherever a request is created and where it is accepted. A button carries ids any client can forge,
/// and the world may have changed since it was shown, so no handler may trust that a pair was offered.
/// </summary>
public sealed class PairingRules(
    PartnershipRepository partnerships, MentorRequestRepository requests, DesignatedPairRepository designatedPairs, Districts districts)
{
    /// <summary>The first rule the pair breaks now, or null when it may be proposed.</summary>
    public async Task<PairingRule?> BrokenAsync(DirectorProfile? mentee, DirectorProfile? mentor, CancellationToken cancellationToken)
    {
        if (mentee is not { Role: DirectorRole.Young, Status: ProfileStatus.Active })
        {
            return PairingRule.MenteeRole;
        }
        if (mentor is not { IsApprovedFlagship: true })
        {
            return PairingRule.MentorApproval;
        }
        if (Region(mentee) != Region(mentor))
        {
            return PairingRule.Region;
        }
        if (!mentor.IsAvailable)
        {
            return PairingRule.Availability;
        }
        if ((await requests.RefusedMentorsAsync(mentee.UserId, cancellationToken)).Contains(mentor.UserId))
        {
            return PairingRule.EarlierRefusal;
        }
        var live = await designatedPairs.LiveAsync([mentee.District, mentor.District], cancellationToken);
        if (live.Any(v => v.YoungUserId == mentee.UserId && (v.Pair.MentorId ?? v.FlagshipUserId) != mentor.UserId))
        {
            return PairingRule.Designated;
        }
        var kept = live.Count(v => (v.Pair.MentorId ?? v.FlagshipUserId) == mentor.UserId && v.YoungUserId != mentee.UserId);
        if (await partnerships.ActiveCountOfMentorAsync(mentor.UserId, cancellationToken) + kept >= mentor.Capacity)
        {
            return PairingRule.Capacity;
        }
        return null;
    }

    /// <summary>A coordinator may pair two people only when they coordinate the districts of both.</summary>
    public static bool CoordinatorMayPair(Caller coordinator, DirectorProfile mentee, DirectorProfile mentor) =>
        coordinator.Coordinates(mentee.District) && coordinator.Coordinates(mentor.District);

    /// <summary>The region as the engine sees it: a district missing from the catalog has none.</summary>
    private string Region(DirectorProfile person) => districts.Find(person.District)?.Region ?? "";
}
