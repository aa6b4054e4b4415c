namespace MentorBot.Matching.Scoring;

/// <summary>
/// Who reads a reason. The same fact reads differently to each: «закрывает 2 из 3 ваших дефицитов» to the young
/// director, «вы закрываете 2 из 3 дефицитов молодого директора» to the flagship, and without «ваш» to a coordinator.
/// </summary>
public enum Reader
{
    /// <summary>The young director, about a flagship.</summary>
    Mentee,

    /// <summary>The flagship, about a young director.</summary>
    Mentor,

    /// <summary>A coordinator, about both.</summary>
    Coordinator,
}
