using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Reminders;

/// <summary>Reminders' part of a person's data: whether they paused reminders, and what is planned for them.</summary>
public sealed class ReminderDataSource(ReminderRepository reminders) : IPersonalDataSource
{
    /// <summary>Before the profile, which other features may still read while they erase.</summary>
    public int ErasureOrder => 900;

    public async Task ExportAsync(long userId, JsonObject export, CancellationToken cancellationToken)
    {
        export["reminders_paused"] = await reminders.IsPausedAsync(userId, cancellationToken);
        var pending = await reminders.PendingForAsync(userId, cancellationToken);
        if (pending.Count > 0)
        {
            export["planned_reminders"] = new JsonArray(pending
                .Select(r => (JsonNode)new JsonObject { ["kind"] = r.Kind, ["about"] = r.Subject.ToString(), ["due_at"] = r.DueAt.ToString("O") })
                .ToArray());
        }
    }

    public Task EraseAsync(UpdateContext context, CancellationToken cancellationToken) => reminders.DeleteForAsync(context.UserId, cancellationToken);
}
