using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking.Practices;

/// <summary>Who feeds the bank: approved flagships, and the directors of internship sites.</summary>
public sealed class PracticePublishers(PeopleRepository people, InternshipRepository internships)
{
    /// <summary>The person's profile if they may publish now, otherwise null.</summary>
    public async Task<DirectorProfile?> FindAsync(long userId, CancellationToken cancellationToken)
    {
        var profile = await people.FindAsync(userId, cancellationToken);
        return profile is { IsApprovedFlagship: true } || profile is not null && (await internships.HostedByAsync(userId, cancellationToken)).Count > 0
            ? profile
            : null;
    }
}
