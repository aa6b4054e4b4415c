using MentorBot.Bot.Catalog;
using MentorBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Coordination;

public sealed class CoordinatorsOptionsRules(IOptions<CatalogOptions> catalogOptions) : OptionsRules<CoordinatorsOptions>
{
    /// <summary>The districts and regions a coordinator oversees are checked against the catalogue's.</summary>
    protected override IEnumerable<string> Problems(CoordinatorsOptions coordinators)
    {
        var catalog = catalogOptions.Value;
        for (var i = 0; i < coordinators.Bootstrap.Count; i++)
        {
            var coordinator = coordinators.Bootstrap[i];
            var key = $"Coordinators:Bootstrap:{i}";
            if (coordinator.UserId <= 0)
            {
                yield return $"{key}:UserId must be the person's Telegram user id, a positive number.";
            }
            if (coordinator.Districts.Count == 0 && string.IsNullOrWhiteSpace(coordinator.Region))
            {
                yield return $"{key} needs Districts or a Region to oversee.";
            }
            foreach (var unknown in coordinator.Districts.Where(code => catalog.Districts.All(d => d.Code != code)))
            {
                yield return $"{key}:Districts names '{unknown}', which is not a code in Catalog:Districts.";
            }
            if (!string.IsNullOrWhiteSpace(coordinator.Region) && catalog.Districts.All(d => d.Region != coordinator.Region))
            {
                yield return $"{key}:Region '{coordinator.Region}' has no district in Catalog:Districts.";
            }
        }
    }
}
