using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Features.Announcements;

public static class AnnouncementsHostingExtensions
{
    /// <summary>/announce, the broadcast that delivers it, «Буду» / «Не смогу», /announcements and the reminder the day before.</summary>
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AnnouncementsOptions>()
            .Bind(builder.Configuration.GetSection(AnnouncementsOptions.Section))
            .Validate(o => o.BatchSize > 0, "Announcements:BatchSize must be positive.")
            .Validate(o => o.TickInterval > TimeSpan.Zero && o.ProgressEditInterval >= TimeSpan.Zero,
                "Announcements:TickInterval must be positive and Announcements:ProgressEditInterval not negative.")
            .Validate(o => o.IdleTickInterval >= o.TickInterval, "Announcements:IdleTickInterval must not be shorter than Announcements:TickInterval.")
            .ValidateOnStart();
        services.AddScoped<AudienceResolver>();
        services.AddScoped<BroadcastProgress>();
        services.AddSingleton<BroadcastRunner>();
        services.AddSingleton<BroadcastWakeUp>();
        services.AddScoped<IPersonalDataSource, AnnouncementDataSource>();
        services.AddReminderKind<EventTomorrow>();

        services.AddConversation<AnnouncementDialog>();
        services.AddCommand<AnnouncementDialog>();
        services.AddCallback<RsvpCallback>();
        services.AddCommand<AnnouncementsCommand>();
        services.AddCallback<AnnouncementCallback>();
        return builder;
    }
}
