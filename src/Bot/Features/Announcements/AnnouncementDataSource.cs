using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Announcements;

/// <summary>The announcements a person was sent and their answers in /my_data; /delete_me erases both.</summary>
public sealed class AnnouncementDataSource(AnnouncementRepository announcements, RsvpRepository rsvps) : IPersonalDataSource
{
    public int ErasureOrder => 300;

    public async Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var received = await announcements.ReceivedByAsync(userId, cancellationToken);
        if (received.Count > 0)
        {
            export.Json["announcements_received"] = new JsonArray(received
                .Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["title"] = a.Title, ["starts_at"] = a.StartsAt.ToString("O") })
                .ToArray());
        }
        export.AddSection(PersonalDataTexts.AnnouncementsTitle,
            received.Select(a => PersonalDataTexts.AnnouncementReceived(a.Title, export.Local(a.StartsAt))).ToList());
        var answers = await rsvps.OfPersonAsync(userId, cancellationToken);
        if (answers.Count > 0)
        {
            export.Json["event_answers"] = new JsonArray(answers
                .Select(r => (JsonNode)new JsonObject
                {
                    ["announcement_id"] = r.AnnouncementId,
                    ["title"] = r.Title,
                    ["starts_at"] = r.StartsAt.ToString("O"),
                    ["answer"] = r.Answer == RsvpAnswer.Yes ? "will_attend" : "cannot_attend",
                    ["answered_at"] = r.AnsweredAt.ToString("O"),
                })
                .ToArray());
        }
        export.AddSection(PersonalDataTexts.AnswersTitle,
            answers.Select(r => PersonalDataTexts.EventAnswer(r.Title, export.Local(r.StartsAt), r.Answer, export.Local(r.AnsweredAt))).ToList());
    }

    public async Task EraseAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        await rsvps.DeleteForAsync(context.UserId, cancellationToken);
        await announcements.ForgetAsync(context.UserId, cancellationToken);
    }
}
