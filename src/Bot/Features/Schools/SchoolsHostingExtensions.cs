using MentorBot.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Schools;

public static class SchoolsHostingExtensions
{
    /// <summary>The districts' school registries: import by file in the bot (and by the import-schools command).</summary>
    public static IHostApplicationBuilder AddSchools(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<SchoolsOptions>, SchoolsOptionsRules>();
        builder.Services.AddOptions<SchoolsOptions>().Bind(builder.Configuration.GetSection(SchoolsOptions.Section)).ValidateOnStart();
        builder.Services.AddScoped<SchoolImport>();
        builder.Services.AddConversation<SchoolImportDialog>();
        builder.Services.AddCommand<SchoolImportDialog>();
        return builder;
    }
}
