using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Features.DesignatedPairs;

public static class DesignatedPairsHostingExtensions
{
    /// <summary>The forum resolution's pairs: their import (in the bot and by the import-pairs command), proposals and answers.</summary>
    public static IHostApplicationBuilder AddDesignatedPairs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DesignatedPairImport>();
        builder.Services.AddScoped<DesignatedPairProposals>();
        builder.Services.AddScoped<IPersonalDataSource, DesignatedPairDataSource>();
        builder.Services.AddConversation<DesignatedPairImportDialog>();
        builder.Services.AddCommand<DesignatedPairImportDialog>();
        builder.Services.AddCallback<DesignatedPairCallback>();
        return builder;
    }
}
