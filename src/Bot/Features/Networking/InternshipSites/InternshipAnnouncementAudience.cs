using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking.InternshipSites;

/// <summary>
/// Internship programmes as announcement audiences: /announce offers a coordinator the open programmes of their
/// districts, and a session announced to one reaches its confirmed participants only.
/// </summary>
public sealed class InternshipAnnouncementAudience(
    IInternshipParticipants participants, InternshipRepository internships, Districts catalog, TimeProvider clock) : IAnnouncementAudienceSource
{
    public const string SourceKey = "site";

    public string Key => SourceKey;

    public static AudienceGroup Group(InternshipProgramme programme) =>
        new(SourceKey, programme.Id, NetworkingTexts.ProgrammeAudience(programme.School, programme.Theme), programme.District);

    public async Task<IReadOnlyList<AudienceGroup>> GroupsAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken) =>
        (await OpenProgrammes.ListAsync(internships, catalog, clock.GetUtcNow(), districts, cancellationToken)).Select(Group).ToList();

    public async Task<IReadOnlyCollection<long>> MembersAsync(long groupId, CancellationToken cancellationToken) =>
        await participants.ListAsync(groupId, cancellationToken);
}
