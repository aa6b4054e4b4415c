using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Coordination;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Mentorship;

/// <summary>
/// Requests and partnerships in /my_data, and their end in /delete_me: the other side is told briefly, without the
/// erased person's data, and then every row that involves the person goes.
/// </summary>
public sealed class MentorshipDataSource(
    MentorRequestRepository requests, PartnershipRepository partnerships, PeopleRepository people, CoordinatorNotices coordinatorNotices) : IPersonalDataSource
{
    public int ErasureOrder => 100;

    public async Task ExportAsync(long userId, JsonObject export, CancellationToken cancellationToken)
    {
        export["mentor_requests"] = new JsonArray((await requests.InvolvingAsync(userId, cancellationToken)).Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["as"] = r.MenteeId == userId ? "mentee" : "mentor",
            ["status"] = r.Status.ToString(),
            ["reason"] = r.Reason,
            ["decline_reason"] = r.DeclineReason,
            ["created_at"] = r.CreatedAt.ToString("O"),
        }).ToArray());
        var list = new JsonArray();
        foreach (var p in await partnerships.InvolvingAsync(userId, cancellationToken))
        {
            list.Add(new JsonObject
            {
                ["id"] = p.Id,
                ["as"] = p.MenteeId == userId ? "mentee" : "mentor",
                ["status"] = p.Status.ToString(),
                ["goals"] = string.Join(",", p.Goals),
                ["starts_on"] = MentorshipTexts.Date(p.StartsOn),
                ["ends_on"] = MentorshipTexts.Date(p.EndsOn),
                ["plan"] = new JsonArray((await partnerships.PlanAsync(p.Id, cancellationToken))
                    .Select(i => (JsonNode)new JsonObject { ["title"] = i.Title, ["status"] = i.Status.ToString(), ["due_on"] = MentorshipTexts.Date(i.DueOn) }).ToArray()),
                ["meetings"] = new JsonArray((await partnerships.MeetingsAsync(p.Id, cancellationToken))
                    .Select(m => (JsonNode)new JsonObject { ["starts_at"] = m.StartsAt.ToString("O"), ["format"] = m.Format.ToString(), ["note"] = m.Note }).ToArray()),
                ["checkins"] = new JsonArray((await partnerships.CheckinsAsync(p.Id, cancellationToken))
                    .Select(c => (JsonNode)new JsonObject
                    {
                        ["at"] = c.CreatedAt.ToString("O"),
                        ["comment"] = c.Comment,
                        ["mentor_note"] = c.MentorNote,
                        ["ratings"] = new JsonObject(c.Ratings.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
                    }).ToArray()),
            });
        }
        export["partnerships"] = list;
        export["feedback"] = new JsonArray((await partnerships.FeedbackByAsync(userId, cancellationToken))
            .Select(f => (JsonNode)new JsonObject { ["partnership_id"] = f.PartnershipId, ["text"] = f.Text }).ToArray());
    }

    public async Task EraseAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var userId = context.UserId;
        foreach (var request in await requests.InvolvingAsync(userId, cancellationToken))
        {
            if (request.Status == RequestStatus.Pending)
            {
                var other = request.MenteeId == userId ? request.MentorId : request.MenteeId;
                context.Outbox.Send(other, request.MenteeId == userId ? PartnershipTexts.RequestCancelledByErasure : PartnershipTexts.RequestCancelledMentorErased);
            }
        }
        foreach (var partnership in await partnerships.InvolvingAsync(userId, cancellationToken))
        {
            if (partnership.Status == PartnershipStatus.Active)
            {
                var remainingIsMentee = partnership.MenteeId != userId;
                context.Outbox.Send(partnership.OtherSide(userId), remainingIsMentee ? PartnershipTexts.MentorErased : PartnershipTexts.MenteeErased);
                // The coordinator hears only of the one who stays; the erased person is not named.
                if (await people.FindAsync(partnership.OtherSide(userId), cancellationToken) is { } remaining
                    && await people.FindAsync(partnership.MenteeId, cancellationToken) is { } mentee)
                {
                    await coordinatorNotices.TellAsync(mentee.District, PartnershipTexts.PairEndedToCoordinator(PartnershipTexts.PairErased,
                        remainingIsMentee ? remaining : null, remainingIsMentee ? null : remaining), cancellationToken);
                }
            }
        }
        await partnerships.DeleteInvolvingAsync(userId, cancellationToken);
        await requests.DeleteInvolvingAsync(userId, cancellationToken);
    }
}
