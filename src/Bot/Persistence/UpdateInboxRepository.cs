namespace MentorBot.Bot.Persistence;

/// <summary>Polled updates that are confirmed to Telegram but not handled yet, as the JSON Telegram sent.</summary>
public sealed class UpdateInboxRepository(DbSession db)
{
    public Task AddAsync(IEnumerable<InboxUpdate> updates, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "INSERT INTO update_inbox (update_id, body) VALUES (@UpdateId, @Body) ON CONFLICT (update_id) DO NOTHING",
            updates, cancellationToken);

    /// <summary>Drops the update's copy, in the transaction that handles it: nothing a person wrote outlives its handling here.</summary>
    public Task RemoveAsync(long updateId, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync("DELETE FROM update_inbox WHERE update_id = @UpdateId", new { UpdateId = updateId }, cancellationToken);

    /// <summary>Everything still held, oldest first: what a restart must handle before it polls again.</summary>
    public Task<IReadOnlyList<InboxUpdate>> ListAsync(CancellationToken cancellationToken = default) =>
        db.QueryAsync<InboxUpdate>("SELECT update_id AS UpdateId, body AS Body FROM update_inbox ORDER BY update_id", cancellationToken: cancellationToken);
}

public sealed record InboxUpdate(long UpdateId, string Body);
