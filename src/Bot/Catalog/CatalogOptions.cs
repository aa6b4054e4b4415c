namespace MentorBot.Bot.Catalog;

/// <summary>One entry of the deficits taxonomy: a stable code, the label people read, and a short form for reasons.</summary>
public sealed class TaxonomyEntry
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The key of appsettings.json that operators write.")]
    public string Short { get; set; } = "";
}

public sealed class DistrictEntry
{
    /// <summary>Stable; stored in profiles. The name may change.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    /// <summary>IANA time zone, e.g. Europe/Moscow; decides when morning is for reminders.</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";
}

/// <summary>The "Catalog" section: the taxonomy and the districts.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    public List<TaxonomyEntry> Taxonomy { get; set; } = [];
    public List<DistrictEntry> Districts { get; set; } = [];
}
