namespace MentorBot.Matching.Peers;

/// <summary>
/// The monthly peer meetings ("random coffee"): as many participants paired as possible, never with one of their
/// latest partners, and within their own district first.
/// <list type="bullet">
/// <item>Two people may meet when they share a district, or when both are willing to meet across districts, and
/// neither is among the other's <see cref="PeerPairingOptions.RecentPartnersToAvoid"/> latest partners.</item>
/// <item>A maximum matching of same-district pairs comes first; it is then grown over every allowed pair. Growing only
/// ever re-pairs people to let more take part, so a cross-district pair appears only where it adds people.</item>
/// <item>An odd person out joins a pair as a third when both of its members are allowed for them (a same-district
/// pair first): an odd count gives one trio rather than someone left out. Whoever still has no group is left out,
/// with the reason.</item>
/// <item>Participants are ordered by id and shuffled by the seed before the search, so ties fall by the seed and the
/// same seed gives the same round whatever the input order.</item>
/// </list>
/// </summary>
public static class PeerPairing
{
    /// <param name="history">Past rounds, newest first; only each person's latest partners in them count.</param>
    /// <exception cref="MatchingInputException">A participant is malformed or listed twice, or an option is out of range.</exception>
    public static PeerPairingResult Pair(IEnumerable<PeerParticipant> participants, IReadOnlyList<PeerRound> history, PeerPairingOptions options)
    {
        if (options.RecentPartnersToAvoid < 0)
            throw new MatchingInputException($"options.{nameof(PeerPairingOptions.RecentPartnersToAvoid)}: must not be negative, got {options.RecentPartnersToAvoid}");
        var people = Validate(participants.ToList());
        Shuffle(people, new Random(options.Seed));
        var recent = RecentPartners(history, options.RecentPartnersToAvoid);

        var n = people.Count;
        var allowed = new bool[n, n];
        var local = new List<int>[n];
        var any = new List<int>[n];
        for (var a = 0; a < n; a++)
        {
            local[a] = [];
            any[a] = [];
            for (var b = 0; b < n; b++)
            {
                if (a == b || !InReach(people[a], people[b]) || MetRecently(recent, people[a].Id, people[b].Id))
                    continue;
                allowed[a, b] = true;
                any[a].Add(b);
                if (people[a].District == people[b].District)
                    local[a].Add(b);
            }
        }

        var mate = Enumerable.Repeat(-1, n).ToArray();
        BlossomMatching.Grow(local, mate);
        BlossomMatching.Grow(any, mate);

        var groups = new List<List<int>>();
        for (var v = 0; v < n; v++)
        {
            if (mate[v] > v)
                groups.Add([v, mate[v]]);
        }
        var leftOut = new List<LeftOutPeer>();
        for (var v = 0; v < n; v++)
        {
            if (mate[v] >= 0)
                continue;
            var trio = groups
                .Where(g => g.Count == 2 && allowed[v, g[0]] && allowed[v, g[1]])
                .MaxBy(g => g.Count(m => people[m].District == people[v].District));
            if (trio is not null)
                trio.Add(v);
            else
                leftOut.Add(new LeftOutPeer(people[v].Id, WhyLeftOut(people, v, recent)));
        }
        return new PeerPairingResult(groups.Select(g => (IReadOnlyList<string>)g.Select(m => people[m].Id).ToList()).ToList(), leftOut);
    }

    /// <summary>Each person's latest distinct partners, newest first, at most <paramref name="depth"/> of them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RecentPartners(IReadOnlyList<PeerRound> history, int depth)
    {
        var partners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var round in history)
        {
            foreach (var group in round.Groups)
            {
                foreach (var member in group)
                {
                    if (!partners.TryGetValue(member, out var list))
                        partners[member] = list = [];
                    // Within a trio both partners are equally recent; the id order makes the cut deterministic.
                    foreach (var other in group.Where(o => o != member).Order(StringComparer.Ordinal))
                    {
                        if (list.Count < depth && !list.Contains(other))
                            list.Add(other);
                    }
                }
            }
        }
        return partners.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static bool InReach(PeerParticipant a, PeerParticipant b) =>
        a.District == b.District || a.CrossDistrict && b.CrossDistrict;

    private static bool MetRecently(IReadOnlyDictionary<string, IReadOnlyList<string>> recent, string a, string b) =>
        recent.TryGetValue(a, out var ofA) && ofA.Contains(b) || recent.TryGetValue(b, out var ofB) && ofB.Contains(a);

    private static LeftOutReason WhyLeftOut(List<PeerParticipant> people, int v, IReadOnlyDictionary<string, IReadOnlyList<string>> recent)
    {
        if (people.Count == 1)
            return LeftOutReason.Alone;
        var reach = people.Where((p, i) => i != v && InReach(people[v], p)).ToList();
        if (reach.Count == 0)
            return LeftOutReason.NoOneInReach;
        return reach.All(p => MetRecently(recent, people[v].Id, p.Id)) ? LeftOutReason.MetEveryoneRecently : LeftOutReason.PartnersTaken;
    }

    private static List<PeerParticipant> Validate(List<PeerParticipant> participants)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i] ?? throw new MatchingInputException($"participants[{i}]: missing participant");
            if (string.IsNullOrWhiteSpace(p.Id))
                throw new MatchingInputException($"participants[{i}].id: missing or empty id");
            if (!seen.TryAdd(p.Id, i))
                throw new MatchingInputException($"participants[{i}].id: duplicate id \"{p.Id}\", first listed as participants[{seen[p.Id]}]");
            if (string.IsNullOrWhiteSpace(p.District))
                throw new MatchingInputException($"participants[{i}].district: missing or empty");
        }
        return participants.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private static void Shuffle(List<PeerParticipant> people, Random random)
    {
        for (var i = people.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (people[i], people[j]) = (people[j], people[i]);
        }
    }
}
