namespace MentorBot.Bot.Conversations;

/// <summary>Who may use a command. A person can hold several roles, for example a coordinator who is also a director.</summary>
[Flags]
public enum Audience
{
    None = 0,
    /// <summary>Not registered, or registration not finished.</summary>
    Guest = 1,
    Young = 2,
    Flagship = 4,
    /// <summary>A flagship waiting for a coordinator's approval.</summary>
    PendingFlagship = 8,
    Coordinator = 16,
    /// <summary>A director whose school hosts an internship site: they may publish practices without being a flagship.</summary>
    SiteHost = 32,
    Directors = Young | Flagship,
    Registered = Young | Flagship | PendingFlagship | Coordinator,
    Anyone = Guest | Registered,
}

/// <summary>The person behind an update, with the roles they hold now and, for a coordinator, the districts they see.</summary>
public sealed record Caller(long UserId, Audience Roles, IReadOnlySet<string> CoordinatorDistricts)
{
    public static Caller Guest(long userId) => new(userId, Audience.Guest, new HashSet<string>());

    public bool Is(Audience audience) => (Roles & audience) != 0;

    /// <summary>Whether this coordinator may act on <paramref name="district"/>.</summary>
    public bool Coordinates(string district) => Is(Audience.Coordinator) && CoordinatorDistricts.Contains(district);
}

/// <summary>Resolves the roles of the person behind each update; the profiles feature provides it.</summary>
public interface ICallerDirectory
{
    Task<Caller> FindAsync(long userId, CancellationToken cancellationToken);
}
