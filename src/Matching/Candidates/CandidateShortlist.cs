namespace MentorBot.Matching.Candidates;

/// <summary>A flagship (by index) with the pair's score.</summary>
internal readonly record struct Candidate(int Mentor, double Score);

/// <summary>
/// Keeps the best k candidates of one young director: higher score first, ties to the flagship earlier in id order.
/// Remembers the best score it turned away, which bounds every pair left out.
/// </summary>
internal sealed class CandidateShortlist(int capacity)
{
    private readonly Candidate[] _best = new Candidate[capacity];
    private int _count;

    public double BestLeftOut { get; private set; }
    public int LeftOut { get; private set; }

    public void Clear()
    {
        _count = 0;
        LeftOut = 0;
        BestLeftOut = 0;
    }

    public void Offer(Candidate candidate)
    {
        if (_count == _best.Length)
        {
            var worst = _best[_count - 1];
            if (!Better(candidate, worst))
            {
                Drop(candidate);
                return;
            }
            Drop(worst);
            _count--;
        }
        var i = _count++;
        for (; i > 0 && Better(candidate, _best[i - 1]); i--)
            _best[i] = _best[i - 1];
        _best[i] = candidate;
    }

    /// <summary>The kept candidates, best first.</summary>
    public Candidate[] Best() => _best[.._count];

    private void Drop(Candidate candidate)
    {
        LeftOut++;
        BestLeftOut = Math.Max(BestLeftOut, candidate.Score);
    }

    private static bool Better(Candidate a, Candidate b) => a.Score > b.Score || (a.Score == b.Score && a.Mentor < b.Mentor);
}
