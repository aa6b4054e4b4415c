using MentorBot.Bot.Catalog;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Coordination;

/// <summary>Tells the coordinators of a district (and of its region) what needs their eye: a wish, a pair that ended, a role change.</summary>
public sealed class CoordinatorNotices(CoordinatorRepository coordinators, Districts districts, OutboxWriter outbox)
{
    public async Task TellAsync(string district, HtmlText text, CancellationToken cancellationToken)
    {
        foreach (var coordinator in await coordinators.CoveringAsync(district, districts.Find(district)?.Region ?? "", cancellationToken))
        {
            outbox.Send(coordinator, text);
        }
    }
}
