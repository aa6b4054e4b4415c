namespace MentorBot.Bot.Persistence;

/// <summary>Single named values the bot keeps between runs, such as the confirmed getUpdates offset.</summary>
public sealed class BotStateRepository(DbSession db)
{
    public const string PollingOffsetKey = "polling_offset";

    public async Task<long> GetPollingOffsetAsync(CancellationToken cancellationToken = default)
    {
        var value = await db.ExecuteScalarAsync<string>("SELECT value FROM bot_state WHERE key = @Key", new { Key = PollingOffsetKey }, cancellationToken);
        return value is null ? 0 : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task SetPollingOffsetAsync(long offset, CancellationToken cancellationToken = default) =>
        db.ExecuteAsync(
            "INSERT INTO bot_state (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { Key = PollingOffsetKey, Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            cancellationToken);
}
