using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Reminders.Digest;

/// <summary>One coordinator's digest: the districts they see and the week it covers.</summary>
public sealed record DigestScope(long CoordinatorId, IReadOnlyCollection<string> Districts, DateTimeOffset Since, DateTimeOffset Now);

/// <summary>
/// A part of the coordinators' weekly digest. Features add theirs with <c>services.AddScoped&lt;IDigestSection, T&gt;()</c>:
/// the mentorship feature, requests waiting for more than 48 hours and stale partnerships. Render with
/// <see cref="ReminderTexts.DigestSection"/> so that every section reads alike.
/// </summary>
public interface IDigestSection
{
    /// <summary>Sections appear in ascending order; the built-in ones are 100 (registrations), 200 (approvals), 300 (unmatched).</summary>
    int Order { get; }

    Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken);
}

/// <summary>
/// Which young directors already have a mentor; the mentorship feature provides it (active partnerships).
/// </summary>
public interface IMentoredDirectors
{
    Task<IReadOnlySet<long>> AmongAsync(IReadOnlyCollection<long> youngDirectorIds, CancellationToken cancellationToken);
}
