namespace MentorBot.Bot.Features.Mentorship;

/// <summary>The "Mentorship" section.</summary>
public sealed class MentorshipOptions
{
    public const string Section = "Mentorship";

    /// <summary>The length of an agreement and of each prolongation.</summary>
    public int AgreementMonths { get; set; } = 12;

    /// <summary>How many suggestions /find_mentor shows.</summary>
    public int SuggestionsShown { get; set; } = 3;

    /// <summary>How many days before the end both sides are asked to prolong or close.</summary>
    public int ProlongationNoticeDays { get; set; } = 30;
}
