using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Catalog;

/// <summary>
/// The deficits taxonomy from configuration. Profiles store codes only, so relabelling never breaks them; a code
/// that left the configuration still reads as itself.
/// </summary>
public sealed class Taxonomy(IOptions<CatalogOptions> options)
{
    private readonly Dictionary<string, TaxonomyEntry> _byCode = options.Value.Taxonomy.ToDictionary(e => e.Code, StringComparer.Ordinal);

    public IReadOnlyList<TaxonomyEntry> Entries { get; } = options.Value.Taxonomy;

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public string Label(string code) => _byCode.TryGetValue(code, out var entry) ? entry.Label : code;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named as the entry's Short, which it reads.")]
    public string Short(string code) =>
        _byCode.TryGetValue(code, out var entry) ? (string.IsNullOrWhiteSpace(entry.Short) ? entry.Label : entry.Short) : code;

    public IReadOnlyDictionary<string, string> ShortLabels => _byCode.ToDictionary(p => p.Key, p => Short(p.Key));
}

public sealed class Districts(IOptions<CatalogOptions> options)
{
    private readonly Dictionary<string, DistrictEntry> _byCode = options.Value.Districts.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public IReadOnlyList<DistrictEntry> All { get; } = options.Value.Districts;

    public DistrictEntry? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var district) ? district : null;

    public string Name(string? code) => Find(code)?.Name ?? code ?? "";

    public TimeZoneInfo TimeZone(string? code) =>
        Find(code) is { } district && TimeZoneInfo.TryFindSystemTimeZoneById(district.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
