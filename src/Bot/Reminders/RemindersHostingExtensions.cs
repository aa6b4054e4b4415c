using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders.Digest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Reminders;

public static class RemindersHostingExtensions
{
    /// <summary>Durable reminders: the scheduler features call, the sweeper the jobs run, and the coordinators' digest.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<RemindersOptions>, RemindersOptionsRules>();
        services.AddOptions<RemindersOptions>().Bind(builder.Configuration.GetSection(RemindersOptions.Section)).ValidateOnStart();
        services.AddScoped<ReminderRepository>();
        services.AddScoped<DigestRepository>();
        services.AddSingleton<ReminderKinds>();
        services.AddSingleton<QuietHours>();
        services.AddSingleton<ReminderSweeper>();
        services.AddScoped<ReminderScheduler>();
        services.AddScoped<RecipientTimeZones>();
        services.AddScoped<IPersonalDataSource, ReminderDataSource>();

        services.AddReminderKind<WeeklyDigest>();
        services.AddScoped<DigestPlanner>();
        services.AddScoped<IDigestSection, NewRegistrationsSection>();
        services.AddScoped<IDigestSection, PendingApprovalsSection>();
        services.AddScoped<IDigestSection, UnmatchedYoungDirectorsSection>();
        return builder;
    }
}
