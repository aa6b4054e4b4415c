namespace MentorBot.Matching.Scoring;

/// <summary>Gives each taxonomy code met in one run a bit, so that sets of codes become masks.</summary>
internal sealed class CodeBook
{
    private const int MaxCodes = 64;
    private readonly Dictionary<string, int> _bits = new(StringComparer.Ordinal);

    public ulong Bit(string code)
    {
        if (!_bits.TryGetValue(code, out var bit))
        {
            if (_bits.Count == MaxCodes)
                throw new MatchingInputException($"taxonomy: more than {MaxCodes} distinct codes in one run (at \"{code}\")");
            bit = _bits.Count;
            _bits.Add(code, bit);
        }
        return 1UL << bit;
    }

    public ulong Mask(IEnumerable<string> codes) => codes.Aggregate(0UL, (mask, code) => mask | Bit(code));
}
