using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.PersonalData;

/// <summary>/my_data: everything stored about the person, as a JSON file.</summary>
public sealed class MyDataCommand(IEnumerable<IPersonalDataSource> sources) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("my_data", "все мои данные файлом", Audience.Anyone);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(),
    };

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var export = new JsonObject { ["exported_at"] = context.Now.ToString("O") };
        foreach (var source in sources)
        {
            await source.ExportAsync(context.UserId, export, cancellationToken);
        }
        var bytes = Encoding.UTF8.GetBytes(export.ToJsonString(Indented));
        context.Outbox.SendDocument(context.ChatId, "mentorbot-my-data.json", bytes, "application/json", PrivacyTexts.MyDataCaption);
    }
}
