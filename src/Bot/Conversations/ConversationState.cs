namespace MentorBot.Bot.Conversations;

/// <summary>
/// Where a person is in a dialog: the step as <c>dialog.step</c>, the draft as JSON, and the steps behind them
/// (comma-separated), which Back walks.
/// </summary>
public sealed record ConversationState(string Name, string? Draft, string History)
{
    public string Dialog => Name.Split('.', 2)[0];

    public string Step => Name.Split('.', 2) is [_, var step] ? step : "";
}
