using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Persistence;

public static class PersistenceHostingExtensions
{
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        DapperTypeHandlers.Register();
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsRules>();
        services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseInitializer>();
        if (builder.Configuration.GetSection(DatabaseOptions.Section).GetValue<DatabaseProvider>(nameof(DatabaseOptions.Provider)) == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<IDbConnectionFactory, PostgresConnectionFactory>();
            // Started right after the migrations, before the jobs and the sender that ask it.
            services.AddSingleton<PostgresPrimaryInstance>();
            services.AddSingleton<IPrimaryInstance>(provider => provider.GetRequiredService<PostgresPrimaryInstance>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresPrimaryInstance>());
        }
        else
        {
            services.AddSingleton<IDbConnectionFactory, SqliteConnectionFactory>();
            services.AddSingleton<IPrimaryInstance, SoleInstance>();
        }
        services.AddScoped<DbSession>();
        services.AddScoped<BotStateRepository>();
        services.AddScoped<UpdateInboxRepository>();
        services.AddScoped<ProcessedUpdateRepository>();
        services.AddScoped<ChatRepository>();
        services.AddScoped<DesignatedPairRepository>();
        services.AddScoped<ConversationRepository>();
        services.AddScoped<OutboxRepository>();
        services.AddScoped<PeopleRepository>();
        services.AddScoped<ConsentRepository>();
        services.AddScoped<CoordinatorRepository>();
        services.AddScoped<InviteRepository>();
        services.AddScoped<MentorRequestRepository>();
        services.AddScoped<PartnershipRepository>();
        services.AddScoped<MatchRunRepository>();
        services.AddScoped<AnnouncementRepository>();
        services.AddScoped<RsvpRepository>();
        services.AddScoped<NetworkingRepository>();
        services.AddScoped<PracticeRepository>();
        services.AddScoped<InternshipRepository>();
        services.AddScoped<PeerMeetingRepository>();
        services.AddScoped<ForumLinkRepository>();
        services.AddScoped<SchoolRepository>();
        return builder;
    }
}
