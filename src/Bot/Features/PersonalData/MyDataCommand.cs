using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Reminders;

namespace MentorBot.Bot.Features.PersonalData;

/// <summary>
/// /my_data: everything stored about the person, readable in the chat (Russian labels, local times, one section per
/// feature) and as a JSON file for machines.
/// </summary>
public sealed partial class MyDataCommand(IEnumerable<IPersonalDataSource> sources, RecipientTimeZones zones) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("my_data", "все мои данные", Audience.Anyone);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(),
    };

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var zone = await zones.OfAsync(context.UserId, cancellationToken);
        var export = new PersonalDataExport(zone);
        export.Json["exported_at"] = context.Now.ToString("O");
        foreach (var source in sources)
        {
            await source.ExportAsync(context.UserId, export, cancellationToken);
        }
        context.Reply(Html.Join("\n\n", [PersonalDataTexts.Header(AnnouncementTexts.ZoneLabel(zone, context.Now)), .. export.Sections]));
        var bytes = Encoding.UTF8.GetBytes(Readable(export.Json.ToJsonString(Indented)));
        context.Outbox.SendDocument(context.ChatId, "mentorbot-my-data.json", bytes, PrivacyTexts.MyDataCaption);
    }

    /// <summary>
    /// The relaxed encoder still writes characters outside the Basic Multilingual Plane (emoji) as surrogate escapes;
    /// they are valid as plain UTF-8, so the file shows them as typed. An escaped backslash before them is left alone.
    /// </summary>
    private static string Readable(string json) => SurrogatePair().Replace(json, m =>
        m.Groups["lead"].Value + char.ConvertFromUtf32(char.ConvertToUtf32(
            (char)Convert.ToInt32(m.Groups["high"].Value, 16), (char)Convert.ToInt32(m.Groups["low"].Value, 16))));

    [GeneratedRegex(@"(?<lead>(?<!\\)(?:\\\\)*)\\u(?<high>D[89AB][0-9A-F]{2})\\u(?<low>D[C-F][0-9A-F]{2})", RegexOptions.IgnoreCase)]
    private static partial Regex SurrogatePair();
}
