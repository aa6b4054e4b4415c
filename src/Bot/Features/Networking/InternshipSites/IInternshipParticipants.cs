using MentorBot.Bot.Catalog;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;

namespace MentorBot.Bot.Features.Networking.InternshipSites;

/// <summary>
/// Who an internship programme's sessions go to: its confirmed participants, and no one else (not those still
/// waiting, not those declined, not the site's own director). The announcements feature reaches it through
/// <see cref="InternshipAnnouncementAudience"/>.
/// </summary>
public interface IInternshipParticipants
{
    /// <summary>The confirmed participants of the programme; empty for an unknown one.</summary>
    Task<IReadOnlyList<long>> ListAsync(long programmeId, CancellationToken cancellationToken);
}

public sealed class InternshipParticipants(InternshipRepository internships) : IInternshipParticipants
{
    public async Task<IReadOnlyList<long>> ListAsync(long programmeId, CancellationToken cancellationToken) =>
        (await internships.ParticipantsAsync(programmeId, cancellationToken))
            .Where(p => p.Status == ParticipationStatus.Confirmed)
            .Select(p => p.UserId)
            .ToList();
}

/// <summary>Programmes that have not ended: open through their last day in their own district's time zone.</summary>
public static class OpenProgrammes
{
    public static async Task<IReadOnlyList<InternshipProgramme>> ListAsync(
        InternshipRepository internships, Districts districts, DateTimeOffset now, IReadOnlyCollection<string>? inDistricts, CancellationToken cancellationToken)
    {
        // A day of slack keeps those still open where the date lags UTC's; each is then held to its own district's date.
        var candidates = await internships.OpenAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), inDistricts, cancellationToken);
        return candidates.Where(p => IsOpen(p, districts, now)).ToList();
    }

    public static bool IsOpen(InternshipProgramme programme, Districts districts, DateTimeOffset now) =>
        programme.EndsOn >= LocalCalendar.LocalDate(now, districts.TimeZone(programme.District));
}
