using MentorBot.Bot.Features.Announcements;

namespace MentorBot.Bot.Persistence;

/// <summary>An answer to an announcement, with who gave it as the coordinator lists them.</summary>
public sealed record Attendee(long UserId, string FullName, string School, string District, string Role, RsvpAnswer Answer, DateTimeOffset AnsweredAt);

/// <summary>A person's answer, with the announcement it answers, for /my_data.</summary>
public sealed record PersonalRsvp(long AnnouncementId, string Title, DateTimeOffset StartsAt, RsvpAnswer Answer, DateTimeOffset AnsweredAt);

/// <summary>«Буду» / «Не смогу»: one answer per person and announcement.</summary>
public sealed class RsvpRepository(DbSession db)
{
    /// <summary>Stores the answer, replacing an earlier one; false when it was the same answer already.</summary>
    public async Task<bool> AnswerAsync(long announcementId, long userId, RsvpAnswer answer, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            """
            INSERT INTO rsvps (announcement_id, user_id, answer, answered_at) VALUES (@AnnouncementId, @UserId, @Answer, @Now)
            ON CONFLICT (announcement_id, user_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at
            WHERE rsvps.answer <> excluded.answer
            """,
            new { AnnouncementId = announcementId, UserId = userId, Answer = answer.ToString(), Now = now }, cancellationToken) == 1;

    public async Task<RsvpAnswer?> AnswerOfAsync(long announcementId, long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<string?>(
            "SELECT answer FROM rsvps WHERE announcement_id = @AnnouncementId AND user_id = @UserId",
            new { AnnouncementId = announcementId, UserId = userId }, cancellationToken) is { } answer
            ? Enum.Parse<RsvpAnswer>(answer)
            : null;

    /// <summary>How many said yes and no, for each of the announcements.</summary>
    public async Task<IReadOnlyDictionary<long, (int Yes, int No)>> CountsAsync(IReadOnlyCollection<long> announcementIds, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(long AnnouncementId, long Yes, long No)>(
            """
            SELECT announcement_id, SUM(CASE WHEN answer = 'Yes' THEN 1 ELSE 0 END), SUM(CASE WHEN answer = 'No' THEN 1 ELSE 0 END) FROM rsvps
            WHERE announcement_id IN @Ids GROUP BY announcement_id
            """,
            new { Ids = announcementIds.ToArray() }, cancellationToken))
        .ToDictionary(r => r.AnnouncementId, r => ((int)r.Yes, (int)r.No));

    /// <summary>Everyone who answered, «Буду» first, by name.</summary>
    public async Task<IReadOnlyList<Attendee>> AttendeesAsync(long announcementId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(long UserId, string FullName, string School, string District, string Role, string Answer, DateTimeOffset AnsweredAt)>(
            """
            SELECT r.user_id, p.full_name, p.school, p.district, p.role, r.answer, r.answered_at
            FROM rsvps r JOIN people p ON p.user_id = r.user_id
            WHERE r.announcement_id = @AnnouncementId
            ORDER BY r.answer DESC, p.full_name, r.user_id
            """,
            new { AnnouncementId = announcementId }, cancellationToken))
        .Select(r => new Attendee(r.UserId, r.FullName, r.School, r.District, r.Role, Enum.Parse<RsvpAnswer>(r.Answer), r.AnsweredAt))
        .ToList();

    public async Task<IReadOnlyList<PersonalRsvp>> OfPersonAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(long AnnouncementId, string Title, DateTimeOffset StartsAt, string Answer, DateTimeOffset AnsweredAt)>(
            """
            SELECT r.announcement_id, a.title, a.starts_at, r.answer, r.answered_at
            FROM rsvps r JOIN announcements a ON a.id = r.announcement_id
            WHERE r.user_id = @UserId ORDER BY a.starts_at, a.id
            """,
            new { UserId = userId }, cancellationToken))
        .Select(r => new PersonalRsvp(r.AnnouncementId, r.Title, r.StartsAt, Enum.Parse<RsvpAnswer>(r.Answer), r.AnsweredAt))
        .ToList();

    public Task DeleteForAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM rsvps WHERE user_id = @UserId", new { UserId = userId }, cancellationToken);
}
