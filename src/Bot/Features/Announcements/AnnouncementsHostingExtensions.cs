using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Announcements;

public static class AnnouncementsHostingExtensions
{
    /// <summary>/announce, the broadcast that delivers it, «Буду» / «Не смогу», /announcements and the reminder the day before.</summary>
    public static IHostApplicationBuilder AddAnnouncements(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<AnnouncementsOptions>, AnnouncementsOptionsRules>();
        services.AddOptions<AnnouncementsOptions>().Bind(builder.Configuration.GetSection(AnnouncementsOptions.Section)).ValidateOnStart();
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
