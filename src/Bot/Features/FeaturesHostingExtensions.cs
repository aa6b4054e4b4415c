using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.DesignatedPairs;
using MentorBot.Bot.Features.Help;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Networking;
using MentorBot.Bot.Features.Onboarding;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Features.Registration;
using MentorBot.Bot.Features.Reporting;
using MentorBot.Bot.Features.Schools;
using MentorBot.Bot.Features.Settings;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features;

/// <summary>Every feature folder joins the bot here.</summary>
public static class FeaturesHostingExtensions
{
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCommand<HelpCommand>();

        // Profiles, consent and registration.
        services.AddScoped<ICallerDirectory, CallerDirectory>();
        services.AddScoped<OnboardingFlow>();
        services.AddScoped<RoleChange>();
        services.AddCallback<RoleChangeCallback>();
        services.AddCommand<StartCommand>();
        services.AddCallback<ConsentCallback>();
        services.AddCallback<RoleCallback>();
        services.AddConversation<RegistrationDialog>();
        services.AddCommand<ProfileCommand>();
        services.AddCallback<EditProfileCallback>();

        // Own data.
        services.AddScoped<IPersonalDataSource, ProfileDataSource>();
        services.AddCommand<MyDataCommand>();
        services.AddCommand<DeleteMeCommand>();
        services.AddCallback<DeleteMeCallback>();

        // Coordinators.
        services.AddSingleton<IValidateOptions<CoordinatorsOptions>, CoordinatorsOptionsRules>();
        services.AddOptions<CoordinatorsOptions>().Bind(builder.Configuration.GetSection(CoordinatorsOptions.Section)).ValidateOnStart();
        services.AddOptions<InviteOptions>().Bind(builder.Configuration.GetSection(InviteOptions.Section)).ValidateOnStart();
        services.AddHostedService<CoordinatorBootstrap>();
        services.AddSingleton<BotIdentity>();
        services.AddHostedService(sp => sp.GetRequiredService<BotIdentity>());
        services.AddCommand<ApprovalsCommand>();
        services.AddCallback<ApprovalCallback>();
        services.AddConversation<RejectionDialog>();
        services.AddConversation<InviteDialog>();
        services.AddCommand<InviteDialog>();
        services.AddScoped<CoordinationReport>();
        services.AddScoped<CoordinatorNotices>();
        services.AddScoped<DistrictMatchView>();
        services.AddCommand<MatchDistrictCommand>();
        services.AddCallback<MatchRunCallback>();
        services.AddCommand<PairsCommand>();
        services.AddCommand<UnmatchedCommand>();
        services.AddCommand<PendingCommand>();
        services.AddCommand<StatsCommand>();
        services.AddCommand<ExportCommand>();
        services.AddCallback<ExportCallback>();
        builder.AddReporting();

        // Settings.
        services.AddCommand<RemindersCommand>();
        services.AddCallback<RemindersCallback>();

        builder.AddMentorship();
        builder.AddAnnouncements();
        builder.AddNetworking();
        builder.AddSchools();
        builder.AddDesignatedPairs();
        return builder;
    }
}
