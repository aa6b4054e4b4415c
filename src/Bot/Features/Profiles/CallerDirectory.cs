using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Profiles;

/// <summary>Reads a person's roles afresh for every update, so an approval or an erasure takes effect at once.</summary>
public sealed class CallerDirectory(PeopleRepository people, CoordinatorRepository coordinators, InternshipRepository internships, Districts districts) : ICallerDirectory
{
    public async Task<Caller> FindAsync(long userId, CancellationToken cancellationToken)
    {
        var roles = Audience.None;
        var profile = await people.FindAsync(userId, cancellationToken);
        roles |= profile switch
        {
            { Role: DirectorRole.Young } => Audience.Young,
            { Role: DirectorRole.Flagship, Status: ProfileStatus.Approved } => Audience.Flagship,
            { Role: DirectorRole.Flagship, Status: ProfileStatus.Pending } => Audience.PendingFlagship,
            _ => Audience.None,
        };
        if (profile is not null && roles != Audience.Flagship && await internships.HostsAnyAsync(userId, cancellationToken))
        {
            roles |= Audience.SiteHost;
        }
        var coordinated = new HashSet<string>(StringComparer.Ordinal);
        if (await coordinators.FindAsync(userId, cancellationToken) is { } coordinator)
        {
            roles |= Audience.Coordinator;
            coordinated.UnionWith(coordinator.Districts);
            if (coordinator.Region is { } region)
            {
                coordinated.UnionWith(districts.All.Where(d => d.Region == region).Select(d => d.Code));
            }
        }
        return new Caller(userId, roles == Audience.None ? Audience.Guest : roles, coordinated);
    }
}
