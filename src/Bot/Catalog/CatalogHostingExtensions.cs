using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Catalog;

public static class CatalogHostingExtensions
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsRules>();
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<Taxonomy>();
        builder.Services.AddSingleton<Districts>();
        return builder;
    }
}
