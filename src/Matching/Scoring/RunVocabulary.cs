namespace MentorBot.Matching.Scoring;

/// <summary>
/// Numbers for the names met in one run, so that scoring millions of pairs compares integers:
/// a bit for each taxonomy code (sets become masks) and a key for each region and district.
/// </summary>
internal sealed class RunVocabulary
{
    private const int MaxCodes = 64;
    private readonly Dictionary<string, int> _bits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _places = new(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>A key for a place name, ignoring case and surrounding spaces.</summary>
    public int Place(string name)
    {
        name = name.Trim();
        if (!_places.TryGetValue(name, out var key))
            _places.Add(name, key = _places.Count);
        return key;
    }
}
