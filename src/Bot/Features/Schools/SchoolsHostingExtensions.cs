using MentorBot.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Features.Schools;

public static class SchoolsHostingExtensions
{
    /// <summary>The districts' school registries: import by file in the bot (and by the import-schools command).</summary>
    public static IHostApplicationBuilder AddSchools(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchoolsOptions>()
            .Bind(builder.Configuration.GetSection(SchoolsOptions.Section))
            .Validate(o => !o.Problems().Any(), "Schools: MaxFileBytes must be from 1024 to 20971520 and MaxRows at least 1.")
            .ValidateOnStart();
        builder.Services.AddScoped<SchoolImport>();
        builder.Services.AddConversation<SchoolImportDialog>();
        builder.Services.AddCommand<SchoolImportDialog>();
        return builder;
    }
}
