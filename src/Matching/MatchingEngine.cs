using MentorBot.Matching.Candidates;
using MentorBot.Matching.Profiles;
using MentorBot.Matching.Proposals;
using MentorBot.Matching.Scoring;
using MentorBot.Matching.Suggestions;

namespace MentorBot.Matching;

/// <summary>
/// The matching engine: hard constraints, scoring, shortlists of the best k flagships per young director, and the
/// exact capacity-constrained assignment. Pure and thread-safe; one instance can serve every request.
/// </summary>
public sealed class MatchingEngine
{
    private readonly int _shortlistSize;

    public MatchingEngine(MatchingOptions options, Taxonomy? taxonomy = null)
    {
        Scorer = new PairScorer(options, taxonomy);
        _shortlistSize = options.CandidatesPerMentee;
    }

    public PairScorer Scorer { get; }

    /// <summary>How many flagships <see cref="Suggest"/> returns at most.</summary>
    public int ShortlistSize => _shortlistSize;

    /// <summary>
    /// Every flagship given, ranked for one young director, best score first, with reasons for <paramref name="reader"/>
    /// and, for a flagship <see cref="Suggest"/> would leave out, why. A coordinator picks from it by hand.
    /// </summary>
    /// <exception cref="MatchingInputException">A profile is malformed or has the wrong role.</exception>
    public IReadOnlyList<RankedFlagship> Rank(
        DirectorProfile mentee, IEnumerable<DirectorProfile> flagships, MatchingConstraints? constraints = null, Reader reader = Reader.Coordinator)
    {
        constraints ??= MatchingConstraints.None;
        var all = flagships.ToList();
        var suggested = Suggest(mentee, all, constraints).Suggestions.Select(s => s.MentorId).ToHashSet(StringComparer.Ordinal);
        var blocked = constraints.Declined.Concat(constraints.Excluded)
            .Where(p => p.MenteeId == mentee.Id).Select(p => p.MentorId).ToHashSet(StringComparer.Ordinal);
        return all
            .Select(flagship =>
            {
                var score = Scorer.Explain(mentee, flagship, reader);
                ShortlistMiss? miss = suggested.Contains(flagship.Id) ? null
                    : blocked.Contains(flagship.Id) ? ShortlistMiss.DeclinedOrExcluded
                    : !constraints.AllowCrossRegion && flagship.Region != mentee.Region ? ShortlistMiss.OtherRegion
                    : flagship.Capacity - flagship.CurrentLoad <= 0 ? ShortlistMiss.NoFreePlace
                    : score["coverage"].Value <= 0 ? ShortlistMiss.NoCoverage
                    : ShortlistMiss.BelowShortlist;
                return new RankedFlagship(flagship.Id, score.Score, score.Reason, miss);
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.MentorId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The best flagships for one young director, at most <see cref="MatchingOptions.CandidatesPerMentee"/>, best first.
    /// Declined and excluded pairs and the cross-region flag apply; pinned pairs do not (the flagships' current load
    /// already counts the partnerships they run).
    /// </summary>
    /// <exception cref="MatchingInputException">A profile is malformed or has the wrong role.</exception>
    public MenteeSuggestions Suggest(
        DirectorProfile mentee, IEnumerable<DirectorProfile> flagships, MatchingConstraints? constraints = null, Reader reader = Reader.Mentee)
    {
        List<DirectorProfile> directors = [mentee, .. flagships];
        DirectorValidation.Check(directors);
        for (var i = 0; i < directors.Count; i++)
        {
            var expected = i == 0 ? DirectorRole.Young : DirectorRole.Flagship;
            if (directors[i].Role != expected)
                throw new MatchingInputException($"directors[{i}].role: \"{directors[i].Id}\" must be {expected}, not {directors[i].Role}");
        }

        var rules = (constraints ?? MatchingConstraints.None) with { Pinned = [] };
        var run = new MatchingRun([mentee], directors.Skip(1), rules, Scorer, new Dictionary<string, int>());
        var shortlist = new CandidateScanner(run, _shortlistSize).Shortlist(0);
        var suggestions = shortlist.Best
            .Select(c => new Suggestion(run.Flagships[c.Mentor].Id, c.Score, Scorer.Explain(run.Mentees[0], run.Flagships[c.Mentor], reader).Reason))
            .ToList();
        var whyNone = suggestions.Count == 0 ? shortlist.Tally.Obstacle : (UnmatchedCause?)null;
        return new MenteeSuggestions(
            mentee.Id, suggestions, whyNone, whyNone is { } cause ? UnmatchedReasons.Text(cause, rules.AllowCrossRegion, reader) : null);
    }

    /// <summary>
    /// Proposes mentors for every young director among <paramref name="directors"/> at once: pinned pairs first, then
    /// as many young directors matched as possible, then the largest total score.
    /// </summary>
    /// <exception cref="MatchingInputException">A profile or a pinned pair is malformed.</exception>
    /// <param name="reader">Who reads the reasons: the proposal goes to a coordinator in the bot.</param>
    public MatchProposal Propose(IEnumerable<DirectorProfile> directors, MatchingConstraints? constraints = null, Reader reader = Reader.Mentee)
    {
        constraints ??= MatchingConstraints.None;
        var all = directors.ToList();
        DirectorValidation.Check(all);
        var pinned = PinnedMentors(constraints.Pinned, all);
        var run = new MatchingRun(
            all.Where(d => d.Role == DirectorRole.Young),
            all.Where(d => d.Role == DirectorRole.Flagship),
            constraints,
            Scorer,
            pinned.Values.CountBy(id => id).ToDictionary());

        var shortlists = CandidateSearch.Shortlist(run, _shortlistSize, m => !pinned.ContainsKey(run.Mentees[m].Id));
        var (mentorOf, report) = PricedAssignment.Solve(run, shortlists, _shortlistSize);

        var flagshipAt = run.Flagships.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var pairs = new List<ProposedPair>();
        var unmatched = new List<UnmatchedMentee>();
        for (var m = 0; m < run.Mentees.Length; m++)
        {
            var mentee = run.Mentees[m];
            var mentor = pinned.TryGetValue(mentee.Id, out var pinnedMentor) ? flagshipAt[pinnedMentor] : mentorOf[m];
            if (mentor >= 0)
            {
                var score = Scorer.Explain(mentee, run.Flagships[mentor], reader);
                pairs.Add(new ProposedPair(mentee.Id, run.Flagships[mentor].Id, score.Score, score.Reason, pinnedMentor is not null));
                continue;
            }
            var cause = shortlists[m]!.Tally.Obstacle;
            unmatched.Add(new UnmatchedMentee(mentee.Id, cause, UnmatchedReasons.Text(cause, constraints.AllowCrossRegion, reader)));
        }
        return new MatchProposal(pairs, unmatched, report);
    }

    /// <summary>Checks pinned pairs against the directors of the run: mentee id → mentor id.</summary>
    private static Dictionary<string, string> PinnedMentors(IReadOnlyCollection<DirectorPair> pinned, List<DirectorProfile> directors)
    {
        var roles = directors.ToDictionary(d => d.Id, d => d.Role, StringComparer.Ordinal);
        var mentors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pair, i) in pinned.Select((p, i) => (p, i)))
        {
            if (roles.GetValueOrDefault(pair.MenteeId ?? "", DirectorRole.Flagship) != DirectorRole.Young)
                throw new MatchingInputException($"constraints.pinned[{i}].mentee: \"{pair.MenteeId}\" is not a young director of this run");
            if (roles.GetValueOrDefault(pair.MentorId ?? "", DirectorRole.Young) != DirectorRole.Flagship)
                throw new MatchingInputException($"constraints.pinned[{i}].mentor: \"{pair.MentorId}\" is not a flagship of this run");
            if (!mentors.TryAdd(pair.MenteeId!, pair.MentorId!))
                throw new MatchingInputException($"constraints.pinned[{i}].mentee: \"{pair.MenteeId}\" is pinned twice");
        }
        return mentors;
    }
}
