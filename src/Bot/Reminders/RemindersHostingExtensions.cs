using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders.Digest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Reminders;

public static class RemindersHostingExtensions
{
    /// <summary>Durable reminders: the scheduler features call, the sweeper the jobs run, and the coordinators' digest.</summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RemindersOptions>()
            .Bind(builder.Configuration.GetSection(RemindersOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _), "Reminders:DefaultTimeZone is not a known IANA time zone.")
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.LeaseDuration > TimeSpan.Zero && o.LateAfter >= TimeSpan.Zero,
                "Reminders:SweepInterval and Reminders:LeaseDuration must be positive.")
            .Validate(o => o.SweepBatchSize > 0 && o.MaxAttempts > 0, "Reminders:SweepBatchSize and Reminders:MaxAttempts must be positive.")
            .Validate(o => o.PlanChangeNoticeAfter >= TimeSpan.Zero, "Reminders:PlanChangeNoticeAfter must not be negative.")
            .Validate(o => Enum.IsDefined(o.DigestDay), "Reminders:DigestDay must be a day of the week, such as Monday.")
            .ValidateOnStart();
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
