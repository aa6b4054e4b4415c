using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>
/// Groups of people that another feature keeps and that an announcement can be addressed to, such as the participants
/// of an internship programme. Register an implementation with <see cref="AudienceSourceServiceCollectionExtensions.AddAnnouncementAudience{TSource}"/>:
/// /announce then offers the groups a coordinator may address next to the roles, and the broadcast asks for the
/// members when it sends.
/// </summary>
public interface IAnnouncementAudienceSource
{
    /// <summary>Stable and short, since it is stored with announcements and goes into button data, e.g. <c>intern</c>.</summary>
    string Key { get; }

    /// <summary>The groups in these districts that may be announced to now, each with <see cref="AudienceGroup.Source"/> = <see cref="Key"/>.</summary>
    Task<IReadOnlyList<AudienceGroup>> GroupsAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken);

    /// <summary>The group's members now, as user ids; those who are not active directors are left out by the broadcast.</summary>
    Task<IReadOnlyCollection<long>> MembersAsync(long groupId, CancellationToken cancellationToken);
}

public static class AudienceSourceServiceCollectionExtensions
{
    public static IServiceCollection AddAnnouncementAudience<TSource>(this IServiceCollection services) where TSource : class, IAnnouncementAudienceSource =>
        services.AddScoped<IAnnouncementAudienceSource, TSource>();
}

/// <summary>Turns an audience into its recipients, asking the group's source when it is a group.</summary>
public sealed class AudienceResolver(AnnouncementRepository announcements, IEnumerable<IAnnouncementAudienceSource> sources)
{
    public async Task<IReadOnlyList<AudienceGroup>> GroupsAsync(IReadOnlyCollection<string> districts, CancellationToken cancellationToken)
    {
        var groups = new List<AudienceGroup>();
        foreach (var source in sources)
        {
            groups.AddRange((await source.GroupsAsync(districts, cancellationToken)).Where(g => g.Source == source.Key && districts.Contains(g.District)));
        }
        return groups;
    }

    /// <summary>Recipients by ascending user id, after <paramref name="afterUserId"/>; a group whose source is gone has none.</summary>
    public async Task<IReadOnlyList<long>> RecipientsAsync(AnnouncementAudience audience, long afterUserId, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<long>? members = null;
        if (audience.Group is { } group)
        {
            if (sources.FirstOrDefault(s => s.Key == group.Source) is not { } source)
            {
                return [];
            }
            members = await source.MembersAsync(group.Id, cancellationToken);
        }
        return await announcements.AudienceAsync(audience, members, afterUserId, cancellationToken);
    }
}
