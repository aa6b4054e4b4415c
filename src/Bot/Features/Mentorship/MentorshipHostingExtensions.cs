using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Reminders.Digest;
using MentorBot.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Features.Mentorship;

public static class MentorshipHostingExtensions
{
    public static IHostApplicationBuilder AddMentorship(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MentorshipOptions>().Bind(builder.Configuration.GetSection(MentorshipOptions.Section)).ValidateOnStart();
        services.AddOptions<MatchingOptions>().Bind(builder.Configuration.GetSection(MatchingOptions.SectionName)).ValidateOnStart();
        // One engine for the whole process: it is pure and thread-safe, and reasons quote the configured short labels.
        services.AddSingleton(sp => new MatchingEngine(
            sp.GetRequiredService<IOptions<MatchingOptions>>().Value,
            new MentorBot.Matching.Profiles.Taxonomy(sp.GetRequiredService<Taxonomy>().Entries.Select(e => KeyValuePair.Create(e.Code, sp.GetRequiredService<Taxonomy>().Short(e.Code))))));

        services.AddScoped<MentorMatching>();
        services.AddScoped<PairingRules>();
        services.AddScoped<MentorshipFlow>();
        services.AddScoped<PartnershipLifecycle>();
        services.AddScoped<PartnershipCard>();
        services.AddScoped<AssignmentChoices>();
        services.AddScoped<IPersonalDataSource, MentorshipDataSource>();

        services.AddScoped<MentorshipReminders>();
        services.AddScoped<IMeetingReminders>(sp => sp.GetRequiredService<MentorshipReminders>());
        services.AddReminderKind<RequestNudge>();
        services.AddReminderKind<RequestExpiry>();
        services.AddReminderKind<MeetingSoon>();
        services.AddReminderKind<CheckinPrompt>();
        services.AddReminderKind<CheckinFollowUp>();
        services.AddReminderKind<StalePartnership>();
        services.AddReminderKind<ProlongationQuestion>();
        services.AddReminderKind<PartnershipEnd>();
        services.AddReminderKind<PlanItemChangeNotice>();
        services.AddScoped<IMentoredDirectors, MentoredDirectors>();
        services.AddScoped<IDigestSection, WaitingRequestsSection>();
        services.AddScoped<IDigestSection, StalePartnershipsSection>();

        services.AddCommand<FindMentorCommand>();
        services.AddCallback<RequestCallback>();
        services.AddConversation<DeclineDialog>();
        services.AddCommand<RequestsCommand>();
        services.AddCommand<MenteesCommand>();
        services.AddCommand<AvailabilityCommand>();
        services.AddCommand<AssignCommand>();
        services.AddCallback<AssignCallback>();

        services.AddCommand<PartnershipCommand>();
        services.AddCallback<PartnershipCallback>();
        services.AddCallback<AvailabilityCallback>();
        services.AddConversation<PlanItemDialog>();
        services.AddConversation<MeetingDialog>();
        services.AddConversation<CheckinDialog>();
        services.AddConversation<MentorNoteDialog>();
        services.AddConversation<EndPartnershipDialog>();
        services.AddConversation<FeedbackDialog>();
        return builder;
    }
}
