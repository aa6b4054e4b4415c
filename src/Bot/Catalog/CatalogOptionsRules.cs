using System.Text.RegularExpressions;
using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Catalog;

public sealed partial class CatalogOptionsRules : OptionsRules<CatalogOptions>
{
    protected override IEnumerable<string> Problems(CatalogOptions catalog)
    {
        if (catalog.Taxonomy.Count == 0)
        {
            yield return "Catalog:Taxonomy is empty: people need deficits and strengths to choose from.";
        }
        foreach (var problem in Codes("Catalog:Taxonomy", catalog.Taxonomy.Select(e => e.Code)))
        {
            yield return problem;
        }
        foreach (var (_, i) in catalog.Taxonomy.Select((e, i) => (e, i)).Where(p => string.IsNullOrWhiteSpace(p.e.Label)))
        {
            yield return $"Catalog:Taxonomy:{i}:Label is empty.";
        }

        if (catalog.Districts.Count == 0)
        {
            yield return "Catalog:Districts is empty: every profile belongs to a district.";
        }
        foreach (var problem in Codes("Catalog:Districts", catalog.Districts.Select(d => d.Code)))
        {
            yield return problem;
        }
        for (var i = 0; i < catalog.Districts.Count; i++)
        {
            var district = catalog.Districts[i];
            if (string.IsNullOrWhiteSpace(district.Name))
            {
                yield return $"Catalog:Districts:{i}:Name is empty.";
            }
            if (string.IsNullOrWhiteSpace(district.Region))
            {
                yield return $"Catalog:Districts:{i}:Region is empty.";
            }
            if (!IsKnownTimeZone(district.TimeZone))
            {
                yield return $"Catalog:Districts:{i}:TimeZone '{district.TimeZone}' is not a known IANA time zone, such as Europe/Moscow.";
            }
        }
    }

    /// <summary>Codes are stored in profiles and carried in button data, so they are short, plain and unique.</summary>
    private static IEnumerable<string> Codes(string key, IEnumerable<string> codes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            if (!CodeFormat().IsMatch(code))
            {
                yield return $"{key}:{i}:Code must be 1 to 32 characters of a-z, A-Z, 0-9, _ and -.";
            }
            else if (!seen.Add(code))
            {
                yield return $"{key} has the code '{code}' twice.";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodeFormat();
}
