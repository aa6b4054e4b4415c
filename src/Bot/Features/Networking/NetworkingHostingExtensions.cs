using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Networking.Contacts;
using MentorBot.Bot.Features.Networking.ForumInvites;
using MentorBot.Bot.Features.Networking.InternshipSites;
using MentorBot.Bot.Features.Networking.PeerMeetings;
using MentorBot.Bot.Features.Networking.Practices;
using MentorBot.Bot.Features.Networking.Search;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Networking;

public static class NetworkingHostingExtensions
{
    /// <summary>Finding colleagues, contacts and introductions, the bank of practices, internship sites, peer meetings and forum links.</summary>
    public static IHostApplicationBuilder AddNetworking(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<NetworkingOptions>, NetworkingOptionsRules>();
        services.AddOptions<NetworkingOptions>().Bind(builder.Configuration.GetSection(NetworkingOptions.Section)).ValidateOnStart();
        services.AddScoped<IPersonalDataSource, NetworkingDataSource>();

        // Search and contacts.
        services.AddScoped<DirectorySearch>();
        services.AddCommand<FindCommand>();
        services.AddCallback<FindCallback>();
        services.AddCommand<NetworkCommand>();
        services.AddCallback<NetworkSettingsCallback>();
        services.AddCallback<ContactCallback>();

        // The bank of practices.
        services.AddScoped<PracticePublishers>();
        services.AddScoped<PracticeSuggestions>();
        services.AddScoped<IPracticeSuggestions>(sp => sp.GetRequiredService<PracticeSuggestions>());
        services.AddScoped<PracticeBrowser>();
        services.AddCommand<PracticesCommand>();
        services.AddCallback<PracticesCallback>();
        services.AddConversation<PublishPracticeDialog>();
        services.AddCommand<PublishPracticeDialog>();
        services.AddCommand<ReviewPracticesCommand>();
        services.AddCallback<PracticeReviewCallback>();
        services.AddConversation<RejectPracticeDialog>();

        // Internship sites; a programme's sessions are announcements to its confirmed participants.
        services.AddScoped<IInternshipParticipants, InternshipParticipants>();
        services.AddAnnouncementAudience<InternshipAnnouncementAudience>();
        services.AddScoped<InternshipList>();
        services.AddCommand<InternshipsCommand>();
        services.AddCallback<InternshipsCallback>();
        services.AddCommand<SitesCommand>();
        services.AddCallback<SitesCallback>();
        services.AddConversation<NewSiteDialog>();

        // Peer meetings.
        services.AddScoped<PeerRounds>();
        services.AddScoped<CoffeeScreen>();
        services.AddReminderKind<PeerRoundReminder>();
        services.AddReminderKind<PeerFollowUp>();
        services.AddCommand<CoffeeCommand>();
        services.AddCallback<CoffeeCallback>();

        // Forum links.
        services.AddScoped<ForumLinkStart>();
        services.AddConversation<ForumLinkDialog>();
        services.AddCommand<ForumLinkDialog>();
        services.AddCallback<ForumLinkCallback>();
        return builder;
    }
}
