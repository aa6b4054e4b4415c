using System.Text.Json.Nodes;
using MentorBot.Bot.Catalog;
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
    MentorRequestRepository requests, PartnershipRepository partnerships, PeopleRepository people, CoordinatorNotices coordinatorNotices,
    Taxonomy taxonomy) : IPersonalDataSource
{
    public int ErasureOrder => 100;

    public async Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var involving = await requests.InvolvingAsync(userId, cancellationToken);
        export.Json["mentor_requests"] = new JsonArray(involving.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["as"] = r.MenteeId == userId ? "mentee" : "mentor",
            ["status"] = r.Status.ToString(),
            ["reason"] = r.Reason,
            ["decline_reason"] = r.DeclineReason,
            ["created_at"] = r.CreatedAt.ToString("O"),
        }).ToArray());
        export.AddSection(PersonalDataTexts.RequestsTitle, involving
            .Select(r => PersonalDataTexts.Request(export.Local(r.CreatedAt), r.MenteeId == userId, r.Status, r.DeclineReason)).ToList());

        var list = new JsonArray();
        var lines = new List<HtmlText>();
        foreach (var p in await partnerships.InvolvingAsync(userId, cancellationToken))
        {
            var plan = await partnerships.PlanAsync(p.Id, cancellationToken);
            var meetings = await partnerships.MeetingsAsync(p.Id, cancellationToken);
            var checkins = await partnerships.CheckinsAsync(p.Id, cancellationToken);
            list.Add(new JsonObject
            {
                ["id"] = p.Id,
                ["as"] = p.MenteeId == userId ? "mentee" : "mentor",
                ["status"] = p.Status.ToString(),
                ["goals"] = string.Join(",", p.Goals),
                ["starts_on"] = MentorshipTexts.Date(p.StartsOn),
                ["ends_on"] = MentorshipTexts.Date(p.EndsOn),
                ["plan"] = new JsonArray(plan
                    .Select(i => (JsonNode)new JsonObject { ["title"] = i.Title, ["status"] = i.Status.ToString(), ["due_on"] = MentorshipTexts.Date(i.DueOn) }).ToArray()),
                ["meetings"] = new JsonArray(meetings
                    .Select(m => (JsonNode)new JsonObject { ["starts_at"] = m.StartsAt.ToString("O"), ["format"] = m.Format.ToString(), ["note"] = m.Note }).ToArray()),
                ["checkins"] = new JsonArray(checkins
                    .Select(c => (JsonNode)new JsonObject
                    {
                        ["at"] = c.CreatedAt.ToString("O"),
                        ["comment"] = c.Comment,
                        ["mentor_note"] = c.MentorNote,
                        ["ratings"] = new JsonObject(c.Ratings.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
                    }).ToArray()),
            });
            lines.Add(PersonalDataTexts.Partnership(p.Id, p.MenteeId == userId, p.Status, p.StartsOn, p.EndsOn));
            lines.Add(PersonalDataTexts.Goals(ProfileTexts.Listed(p.Goals, taxonomy)));
            if (p.EndReason is { Length: > 0 } endReason)
            {
                lines.Add(PersonalDataTexts.EndReason(endReason));
            }
            lines.AddRange(plan.Select(i => PersonalDataTexts.PlanItem(i.Title, i.Status, i.DueOn, i.Owner)));
            lines.AddRange(meetings.Select(m => PersonalDataTexts.Meeting(export.Local(m.StartsAt), m.Format, m.Note)));
            lines.AddRange(checkins.Select(c => PersonalDataTexts.Checkin(
                export.Local(c.CreatedAt), c.Ratings.Select(r => (taxonomy.Label(r.Key), r.Value)), c.Comment, c.MentorNote)));
        }
        export.Json["partnerships"] = list;
        export.AddSection(PersonalDataTexts.PartnershipsTitle, lines);

        var feedback = await partnerships.FeedbackByAsync(userId, cancellationToken);
        export.Json["feedback"] = new JsonArray(feedback
            .Select(f => (JsonNode)new JsonObject { ["partnership_id"] = f.PartnershipId, ["text"] = f.Text }).ToArray());
        export.AddSection(PersonalDataTexts.FeedbackTitle, feedback.Select(f => PersonalDataTexts.Feedback(f.PartnershipId, f.Text)).ToList());
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
