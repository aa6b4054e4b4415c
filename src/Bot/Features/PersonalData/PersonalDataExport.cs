using System.Text.Json.Nodes;
using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Features.PersonalData;

/// <summary>
/// What /my_data collects: the readable sections the person sees in the chat, and the same data as JSON for the
/// attached file. Each <see cref="IPersonalDataSource"/> adds its own part to both.
/// </summary>
public sealed class PersonalDataExport(TimeZoneInfo zone)
{
    private readonly List<HtmlText> _sections = [];

    /// <summary>The machine-readable copy: stable English keys, codes and ISO 8601 instants.</summary>
    public JsonObject Json { get; } = new();

    /// <summary>The zone of the person's district, in which the readable sections show times.</summary>
    public TimeZoneInfo Zone => zone;

    public IReadOnlyList<HtmlText> Sections => _sections;

    /// <summary>A titled section; nothing is added when it has no lines.</summary>
    public void AddSection(string title, IReadOnlyCollection<HtmlText> lines)
    {
        if (lines.Count > 0)
        {
            _sections.Add(Html.Bold(title) + Html.Raw("\n") + Html.Lines(lines));
        }
    }

    /// <summary>An instant as the person's local date and time, dd.MM.yyyy HH:mm.</summary>
    public string Local(DateTimeOffset instant) => MentorshipTexts.DateTime(TimeZoneInfo.ConvertTime(instant, zone));
}
