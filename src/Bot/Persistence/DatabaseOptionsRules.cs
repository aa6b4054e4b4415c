using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Persistence;

public sealed class DatabaseOptionsRules : OptionsRules<DatabaseOptions>
{
    protected override IEnumerable<string> Problems(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            if (!IsPostgresConnectionString(database.ConnectionString))
            {
                yield return "Database:ConnectionString must be a PostgreSQL connection string with a Host, such as "
                    + "Host=127.0.0.1;Database=mentorbot;Username=mentorbot, when Database:Provider is PostgreSql.";
            }
        }
        else if (string.IsNullOrWhiteSpace(database.Path))
        {
            yield return "Database:Path is required: the SQLite file of the bot.";
        }
        if (database.BusyTimeoutMilliseconds < 0)
        {
            yield return "Database:BusyTimeoutMilliseconds must not be negative.";
        }
        if (database.ProcessedUpdateRetentionDays < 1)
        {
            yield return "Database:ProcessedUpdateRetentionDays must be at least 1: Telegram redelivers updates for up to a day.";
        }
        if (database.OutboxRetentionDays < 1)
        {
            yield return "Database:OutboxRetentionDays must be at least 1: a broadcast edits its progress message through its outbox row.";
        }
    }

    private static bool IsPostgresConnectionString(string connectionString)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            // Not echoed: a connection string may carry a password.
            return false;
        }
    }
}
