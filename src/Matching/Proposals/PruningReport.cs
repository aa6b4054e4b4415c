namespace MentorBot.Matching.Proposals;

/// <summary>
/// What candidate pruning did, and whether the proposal is provably as good as solving over every eligible pair.
/// </summary>
/// <param name="CandidatePairs">Pairs the solver saw in its last round.</param>
/// <param name="ShortlistedMentees">Young directors who had more eligible flagships than their shortlist holds.</param>
/// <param name="PairsAddedByPricing">Left-out pairs brought back because they could have improved the result.</param>
/// <param name="Rounds">How many times the solver ran.</param>
/// <param name="ProvenOptimal">
/// True when no eligible pair left out could improve the result: the proposal then matches as many young directors as
/// possible and has the largest total score over all eligible pairs (scores compared to within about 10^-12).
/// </param>
public sealed record PruningReport(
    int CandidatePairs,
    int ShortlistedMentees,
    int PairsAddedByPricing,
    int Rounds,
    bool ProvenOptimal);
