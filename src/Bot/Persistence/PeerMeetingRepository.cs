namespace MentorBot.Bot.Persistence;

public sealed record PeerParticipation(long UserId, bool CrossDistrict, bool Paused);

/// <summary>A participant who takes part in the next round, with their profile's district.</summary>
public sealed record ActivePeer(long UserId, string District, bool CrossDistrict);

/// <summary>One's place in a past round: the month, the group and whether they said they met.</summary>
public sealed record PeerMembership(string Month, long GroupId, bool? Met);

/// <summary>Peer meetings: who takes part, and the groups of each monthly round.</summary>
public sealed class PeerMeetingRepository(DbSession db)
{
    public async Task<PeerParticipation?> FindAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QuerySingleOrDefaultAsync<ParticipationRow>(
            "SELECT user_id AS UserId, cross_district AS CrossDistrict, paused AS Paused FROM peer_participants WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken))?.ToParticipation();

    /// <summary>Takes part (again), not paused.</summary>
    public Task JoinAsync(long userId, bool crossDistrict, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            INSERT INTO peer_participants (user_id, cross_district, paused, joined_at, updated_at) VALUES (@UserId, @Cross, 0, @Now, @Now)
            ON CONFLICT (user_id) DO UPDATE SET cross_district = excluded.cross_district, paused = 0, updated_at = excluded.updated_at
            """,
            new { UserId = userId, Cross = crossDistrict, Now = now }, cancellationToken);

    public async Task<bool> SetPausedAsync(long userId, bool paused, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE peer_participants SET paused = @Paused, updated_at = @Now WHERE user_id = @UserId",
            new { UserId = userId, Paused = paused, Now = now }, cancellationToken) == 1;

    public async Task<bool> SetCrossDistrictAsync(long userId, bool crossDistrict, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE peer_participants SET cross_district = @Cross, updated_at = @Now WHERE user_id = @UserId",
            new { UserId = userId, Cross = crossDistrict, Now = now }, cancellationToken) == 1;

    public async Task<bool> LeaveAsync(long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("DELETE FROM peer_participants WHERE user_id = @UserId", new { UserId = userId }, cancellationToken) == 1;

    public async Task<bool> AnyParticipantsAsync(CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT EXISTS (SELECT 1 FROM peer_participants)", cancellationToken: cancellationToken) == 1;

    /// <summary>Participants not paused whose profile still lets them take part: a young director or an approved flagship.</summary>
    public async Task<IReadOnlyList<ActivePeer>> ActiveAsync(CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(long UserId, string District, bool CrossDistrict)>(
            """
            SELECT pp.user_id, p.district, pp.cross_district FROM peer_participants pp JOIN people p ON p.user_id = pp.user_id
            WHERE pp.paused = 0 AND (p.role = 'Young' AND p.status = 'Active' OR p.role = 'Flagship' AND p.status = 'Approved')
            ORDER BY pp.user_id
            """,
            cancellationToken: cancellationToken))
        .Select(r => new ActivePeer(r.UserId, r.District, r.CrossDistrict))
        .ToList();

    public async Task<bool> RoundHeldAsync(string month, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>("SELECT EXISTS (SELECT 1 FROM peer_rounds WHERE month = @Month)", new { Month = month }, cancellationToken) == 1;

    /// <summary>The groups of the latest <paramref name="rounds"/> rounds, newest round first.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<IReadOnlyList<long>>>> RecentRoundsAsync(int rounds, CancellationToken cancellationToken = default)
    {
        var members = await db.QueryAsync<(long RoundId, long GroupId, long UserId)>(
            """
            SELECT g.round_id, m.group_id, m.user_id FROM peer_group_members m JOIN peer_groups g ON g.id = m.group_id
            WHERE g.round_id IN (SELECT id FROM peer_rounds ORDER BY month DESC LIMIT @Rounds)
            ORDER BY g.round_id DESC, m.group_id, m.user_id
            """,
            new { Rounds = rounds }, cancellationToken);
        return members
            .GroupBy(m => m.RoundId)
            .Select(round => (IReadOnlyList<IReadOnlyList<long>>)round.GroupBy(m => m.GroupId).Select(g => (IReadOnlyList<long>)g.Select(m => m.UserId).ToList()).ToList())
            .ToList();
    }

    /// <summary>Records a round and its groups; null when the month's round was already held.</summary>
    public async Task<IReadOnlyList<long>?> SaveRoundAsync(string month, IReadOnlyList<IReadOnlyList<long>> groups, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var roundId = await db.QuerySingleOrDefaultAsync<long?>(
            "INSERT INTO peer_rounds (month, held_at) VALUES (@Month, @Now) ON CONFLICT DO NOTHING RETURNING id", new { Month = month, Now = now }, cancellationToken);
        if (roundId is null)
        {
            return null;
        }
        var groupIds = new List<long>();
        foreach (var group in groups)
        {
            var groupId = await db.ExecuteScalarAsync<long>("INSERT INTO peer_groups (round_id) VALUES (@RoundId) RETURNING id", new { RoundId = roundId }, cancellationToken);
            foreach (var member in group)
            {
                await db.ExecuteAsync("INSERT INTO peer_group_members (group_id, user_id) VALUES (@GroupId, @UserId)", new { GroupId = groupId, UserId = member }, cancellationToken);
            }
            groupIds.Add(groupId);
        }
        return groupIds;
    }

    public Task<IReadOnlyList<long>> GroupMembersAsync(long groupId, CancellationToken cancellationToken = default) =>
        db.QueryAsync<long>("SELECT user_id FROM peer_group_members WHERE group_id = @GroupId ORDER BY user_id", new { GroupId = groupId }, cancellationToken);

    /// <summary>Whether the member has not yet said if they met.</summary>
    public async Task<bool> AwaitsAnswerAsync(long groupId, long userId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>(
            "SELECT EXISTS (SELECT 1 FROM peer_group_members WHERE group_id = @GroupId AND user_id = @UserId AND met IS NULL)",
            new { GroupId = groupId, UserId = userId }, cancellationToken) == 1;

    /// <summary>"Did you meet?" answered; false when the person is not in the group or already answered.</summary>
    public async Task<bool> AnswerAsync(long groupId, long userId, bool met, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync(
            "UPDATE peer_group_members SET met = @Met, answered_at = @Now WHERE group_id = @GroupId AND user_id = @UserId AND met IS NULL",
            new { GroupId = groupId, UserId = userId, Met = met, Now = now }, cancellationToken) == 1;

    public async Task<IReadOnlyList<PeerMembership>> MembershipsOfAsync(long userId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(string Month, long GroupId, bool? Met)>(
            """
            SELECT r.month, m.group_id, m.met FROM peer_group_members m JOIN peer_groups g ON g.id = m.group_id JOIN peer_rounds r ON r.id = g.round_id
            WHERE m.user_id = @UserId ORDER BY r.month
            """,
            new { UserId = userId }, cancellationToken))
        .Select(r => new PeerMembership(r.Month, r.GroupId, r.Met))
        .ToList();

    /// <summary>Erasure: the participation and every group membership of the person.</summary>
    public Task DeleteForAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "DELETE FROM peer_participants WHERE user_id = @UserId; DELETE FROM peer_group_members WHERE user_id = @UserId",
            new { UserId = userId }, cancellationToken);

    private sealed class ParticipationRow
    {
        public long UserId { get; init; }
        public bool CrossDistrict { get; init; }
        public bool Paused { get; init; }

        public PeerParticipation ToParticipation() => new(UserId, CrossDistrict, Paused);
    }
}
