using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Catalog;

public static class CatalogHostingExtensions
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<Taxonomy>();
        builder.Services.AddSingleton<Districts>();
        return builder;
    }
}
