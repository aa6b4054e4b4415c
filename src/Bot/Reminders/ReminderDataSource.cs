using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Reminders;

/// <summary>Reminders' part of a person's data: whether they paused reminders, and what is planned for them.</summary>
public sealed class ReminderDataSource(ReminderRepository reminders) : IPersonalDataSource
{
    /// <summary>Before the profile, which other features may still read while they erase.</summary>
    public int ErasureOrder => 900;

    public async Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var paused = await reminders.IsPausedAsync(userId, cancellationToken);
        export.Json["reminders_paused"] = paused;
        var pending = await reminders.PendingForAsync(userId, cancellationToken);
        if (pending.Count > 0)
        {
            export.Json["planned_reminders"] = new JsonArray(pending
                .Select(r => (JsonNode)new JsonObject { ["kind"] = r.Kind, ["about"] = r.Subject.ToString(), ["due_at"] = r.DueAt.ToString("O") })
                .ToArray());
        }
        var lines = new List<HtmlText> { PersonalDataTexts.RemindersPaused(paused) };
        lines.AddRange(pending.Select(r => PersonalDataTexts.PlannedReminder(r.Kind, export.Local(r.DueAt))));
        export.AddSection(PersonalDataTexts.RemindersTitle, lines);
    }

    public Task EraseAsync(UpdateContext context, CancellationToken cancellationToken) => reminders.DeleteForAsync(context.UserId, cancellationToken);
}
