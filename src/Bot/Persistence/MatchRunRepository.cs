namespace MentorBot.Bot.Persistence;

public enum MatchRunChoice
{
    Pinned,
    Dropped,
}

public sealed record MatchRunPair(long MenteeId, long MentorId, MatchRunChoice Choice);

/// <summary>Coordinators' matching runs while they shape them: one open run per coordinator, with pins and drops.</summary>
public sealed class MatchRunRepository(DbSession db)
{
    /// <summary>The coordinator's open run, created when there is none.</summary>
    public async Task<long> OpenRunAsync(long coordinatorId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long?>(
            "SELECT id FROM match_runs WHERE coordinator_id = @CoordinatorId AND status = 'Draft' ORDER BY id DESC LIMIT 1",
            new { CoordinatorId = coordinatorId }, cancellationToken)
        ?? await db.ExecuteScalarAsync<long>(
            "INSERT INTO match_runs (coordinator_id, status, created_at) VALUES (@CoordinatorId, 'Draft', @Now) RETURNING id",
            new { CoordinatorId = coordinatorId, Now = now }, cancellationToken);

    /// <summary>True when the run is the coordinator's and still a draft.</summary>
    public async Task<bool> IsOpenDraftAsync(long runId, long coordinatorId, CancellationToken cancellationToken = default) =>
        await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM match_runs WHERE id = @RunId AND coordinator_id = @CoordinatorId AND status = 'Draft'",
            new { RunId = runId, CoordinatorId = coordinatorId }, cancellationToken) == 1;

    public async Task<IReadOnlyList<MatchRunPair>> ChoicesAsync(long runId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync<(long MenteeId, long MentorId, string Choice)>(
            "SELECT mentee_id, mentor_id, choice FROM match_run_choices WHERE run_id = @RunId ORDER BY mentee_id, mentor_id",
            new { RunId = runId }, cancellationToken))
        .Select(c => new MatchRunPair(c.MenteeId, c.MentorId, Enum.Parse<MatchRunChoice>(c.Choice))).ToList();

    /// <summary>Pins or drops a pair; a mentee has at most one pin, so pinning replaces an earlier one.</summary>
    public async Task ChooseAsync(long runId, MatchRunPair pair, CancellationToken cancellationToken = default)
    {
        if (pair.Choice == MatchRunChoice.Pinned)
        {
            await db.ExecuteAsync("DELETE FROM match_run_choices WHERE run_id = @RunId AND mentee_id = @MenteeId AND choice = 'Pinned'",
                new { RunId = runId, pair.MenteeId }, cancellationToken);
        }
        await db.ExecuteAsync(
            """
            INSERT INTO match_run_choices (run_id, mentee_id, mentor_id, choice) VALUES (@RunId, @MenteeId, @MentorId, @Choice)
            ON CONFLICT (run_id, mentee_id, mentor_id) DO UPDATE SET choice = excluded.choice
            """,
            new { RunId = runId, pair.MenteeId, pair.MentorId, Choice = pair.Choice.ToString() }, cancellationToken);
    }

    public Task ClearChoicesAsync(long runId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM match_run_choices WHERE run_id = @RunId", new { RunId = runId }, cancellationToken);

    /// <summary>Marks the run released; false when it already was (a double press).</summary>
    public async Task<bool> ReleaseAsync(long runId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await db.ExecuteAsync("UPDATE match_runs SET status = 'Released', released_at = @Now WHERE id = @RunId AND status = 'Draft'",
            new { RunId = runId, Now = now }, cancellationToken) == 1;

    /// <summary>Erasure: the person's pins and drops go, and so do the runs of a coordinator who leaves.</summary>
    public Task DeleteInvolvingAsync(long userId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            """
            DELETE FROM match_run_choices WHERE mentee_id = @UserId OR mentor_id = @UserId
                OR run_id IN (SELECT id FROM match_runs WHERE coordinator_id = @UserId);
            DELETE FROM match_runs WHERE coordinator_id = @UserId;
            """,
            new { UserId = userId }, cancellationToken);
}
