using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;
using MentorBot.Matching;
using MentorBot.Matching.Scoring;
using MentorBot.Matching.Suggestions;
using Microsoft.Extensions.Options;
using EngineProfile = MentorBot.Matching.Profiles.DirectorProfile;
using EngineRole = MentorBot.Matching.Profiles.DirectorRole;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>The bridge from stored profiles to the matching engine: who is eligible, their load, and what was refused.</summary>
public sealed class MentorMatching(
    PeopleRepository people,
    PartnershipRepository partnerships,
    MentorRequestRepository requests,
    DesignatedPairRepository designatedPairs,
    MatchingEngine engine,
    Districts districts)
{
    /// <summary>The best flagships for this young director right now, never one who declined or let a request expire.</summary>
    public async Task<MenteeSuggestions> SuggestAsync(DirectorProfile mentee, CancellationToken cancellationToken) =>
        await SuggestAsync(mentee, await CandidatesAsync(mentee.District, cancellationToken), cancellationToken);

    /// <summary>As above, among candidates read once by <see cref="CandidatesAsync"/> for a report over many young directors.</summary>
    /// <param name="reader">Who reads the reasons: the young director, or a coordinator reporting on them.</param>
    public async Task<MenteeSuggestions> SuggestAsync(
        DirectorProfile mentee, IReadOnlyList<EngineProfile> candidates, CancellationToken cancellationToken, Reader reader = Reader.Mentee) =>
        engine.Suggest(ToEngine(mentee, 0), candidates, await RefusalsAsync(mentee, cancellationToken), reader);

    /// <summary>
    /// Every available flagship of the region ranked for this young director, best first, with the reasons a coordinator
    /// reads and, for those the young director would not be offered, why not.
    /// </summary>
    public async Task<IReadOnlyList<RankedFlagship>> RankAsync(DirectorProfile mentee, CancellationToken cancellationToken) =>
        engine.Rank(ToEngine(mentee, 0), await CandidatesAsync(mentee.District, cancellationToken), await RefusalsAsync(mentee, cancellationToken));

    public int ShortlistSize => engine.ShortlistSize;

    private async Task<MatchingConstraints> RefusalsAsync(DirectorProfile mentee, CancellationToken cancellationToken) => new()
    {
        Declined = (await requests.RefusedMentorsAsync(mentee.UserId, cancellationToken)).Select(m => new DirectorPair(Id(mentee.UserId), Id(m))).ToList(),
    };

    /// <summary>
    /// The available flagships a young director of this district may be paired with, with their current loads, as the
    /// engine sees them. The bot never pairs across regions, so only the region's flagships are read, not the country's
    /// (a district missing from the catalog has no region, and gets everyone, as the engine would).
    /// </summary>
    public async Task<IReadOnlyList<EngineProfile>> CandidatesAsync(string menteeDistrict, CancellationToken cancellationToken)
    {
        var region = districts.Find(menteeDistrict)?.Region;
        var inRegion = region is null ? null : districts.All.Where(d => d.Region == region).Select(d => d.Code).ToList();
        var flagships = await FilterAvailable(people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Approved], inRegion, cancellationToken));
        var loads = await LoadsAsync(cancellationToken);
        return flagships.Select(f => ToEngine(f, loads.GetValueOrDefault(f.UserId))).ToList();
    }

    /// <summary>The engine's score and reasons for one pair, e.g. for a coordinator's own choice.</summary>
    public async Task<(double Score, string Reason)> ExplainAsync(
        DirectorProfile mentee, DirectorProfile flagship, Reader reader, CancellationToken cancellationToken)
    {
        var load = (int)await partnerships.ActiveCountOfMentorAsync(flagship.UserId, cancellationToken);
        var score = engine.Scorer.Explain(ToEngine(mentee, 0), ToEngine(flagship, load), reader);
        return (score.Score, score.Reason);
    }

    /// <summary>
    /// A district-wide proposal: every young director in the districts without a mentor or a pending request, and the
    /// available flagships of those districts, with the coordinator's pins and drops and every refused pair.
    /// </summary>
    public async Task<DistrictProposal> ProposeAsync(IReadOnlyCollection<string> districtCodes, IReadOnlyList<MatchRunPair> choices, CancellationToken cancellationToken)
    {
        var young = new List<DirectorProfile>();
        // A young director whose designated pair is pending waits for it: the engine is not asked for another mentor.
        var designated = (await designatedPairs.LiveAsync(districtCodes, cancellationToken)).Select(v => v.YoungUserId).OfType<long>().ToHashSet();
        foreach (var mentee in await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], districtCodes.ToList(), cancellationToken))
        {
            if (!designated.Contains(mentee.UserId)
                && await partnerships.ActiveOfMenteeAsync(mentee.UserId, cancellationToken) is null
                && await requests.PendingOfMenteeAsync(mentee.UserId, cancellationToken) is null)
            {
                young.Add(mentee);
            }
        }
        var flagships = (await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Approved], districtCodes.ToList(), cancellationToken))
            .Where(f => f.IsAvailable).ToList();
        var loads = await LoadsAsync(cancellationToken);
        var inRun = young.Select(y => y.UserId).Concat(flagships.Select(f => f.UserId)).ToHashSet();
        DirectorPair Pair(long mentee, long mentor) => new(Id(mentee), Id(mentor));
        var constraints = new MatchingConstraints
        {
            Declined = (await requests.RefusedPairsAsync(cancellationToken)).Select(p => Pair(p.MenteeId, p.MentorId)).ToList(),
            Excluded = choices.Where(c => c.Choice == MatchRunChoice.Dropped).Select(c => Pair(c.MenteeId, c.MentorId)).ToList(),
            // A pin whose people left the run (matched meanwhile, paused) no longer applies.
            Pinned = choices.Where(c => c.Choice == MatchRunChoice.Pinned && inRun.Contains(c.MenteeId) && inRun.Contains(c.MentorId))
                .Select(c => Pair(c.MenteeId, c.MentorId)).ToList(),
        };
        var proposal = engine.Propose(
            young.Select(y => ToEngine(y, 0)).Concat(flagships.Select(f => ToEngine(f, loads.GetValueOrDefault(f.UserId)))), constraints, Reader.Coordinator);
        var byId = young.Concat(flagships).ToDictionary(p => p.UserId);
        return new DistrictProposal(proposal, byId);
    }

    /// <summary>
    /// Each flagship's taken places as the engine sees them: active partnerships, and the pending pairs the forum
    /// designated to their school, whose places are kept for them.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, int>> LoadsAsync(CancellationToken cancellationToken)
    {
        var loads = new Dictionary<long, int>(await partnerships.ActiveLoadsAsync(cancellationToken));
        foreach (var view in await designatedPairs.LiveAsync(null, cancellationToken))
        {
            if ((view.Pair.MentorId ?? view.FlagshipUserId) is { } mentor)
            {
                loads[mentor] = loads.GetValueOrDefault(mentor) + 1;
            }
        }
        return loads;
    }

    public EngineProfile ToEngine(DirectorProfile profile, int load) => new()
    {
        Id = Id(profile.UserId),
        Role = profile.Role == DirectorRole.Young ? EngineRole.Young : EngineRole.Flagship,
        District = profile.District,
        Region = districts.Find(profile.District)?.Region ?? "",
        Location = profile.Location is { } at ? new MentorBot.Matching.Profiles.GeoPoint(at.Latitude, at.Longitude) : null,
        Settlement = profile.SettlementKind == SettlementKind.Rural ? MentorBot.Matching.Profiles.SettlementKind.Rural : MentorBot.Matching.Profiles.SettlementKind.Urban,
        Size = profile.SizeBand switch
        {
            SizeBand.Small => MentorBot.Matching.Profiles.SchoolSize.Small,
            SizeBand.Medium => MentorBot.Matching.Profiles.SchoolSize.Medium,
            _ => MentorBot.Matching.Profiles.SchoolSize.Large,
        },
        Status = profile.SchoolStatus switch
        {
            SchoolStatus.LowResults => MentorBot.Matching.Profiles.SchoolStatus.LowResults,
            SchoolStatus.Unfavourable => MentorBot.Matching.Profiles.SchoolStatus.UnfavourableConditions,
            _ => MentorBot.Matching.Profiles.SchoolStatus.None,
        },
        Deficits = profile.Deficits,
        Strengths = profile.Strengths,
        Offers = profile.Offers,
        WantsToLearn = profile.WantsToLearn,
        Capacity = profile.Role == DirectorRole.Flagship ? Math.Max(1, profile.Capacity) : 0,
        CurrentLoad = load,
    };

    public static string Id(long userId) => userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static long UserId(string id) => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The engine's proposal and the profiles it speaks of, by user id.</summary>
    public sealed record DistrictProposal(MentorBot.Matching.Proposals.MatchProposal Proposal, IReadOnlyDictionary<long, DirectorProfile> People);

    private static async Task<IReadOnlyList<DirectorProfile>> FilterAvailable(Task<IReadOnlyList<DirectorProfile>> flagships) =>
        (await flagships).Where(f => f.IsAvailable).ToList();
}
