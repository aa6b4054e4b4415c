namespace MentorBot.Bot.Tests.Support;

public static class DatabaseAssert
{
    /// <summary>
    /// Reads every column of every table and fails on any cell that holds the person's id or any of the given words.
    /// Update ids and migration records are not about people and are skipped.
    /// </summary>
    public static async Task NoTraceOfAsync(BotHarness bot, long userId, params string[] words)
    {
        var tables = await bot.TablesAsync();
        Assert.Contains("people", tables);
        var id = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var table in tables.Where(t => t is not "processed_updates" and not "schema_migrations"))
        {
            var rows = await bot.QueryAsync<dynamic>($"SELECT * FROM \"{table}\"");
            foreach (IDictionary<string, object?> row in rows)
            {
                foreach (var (column, value) in row)
                {
                    // JSON columns escape Cyrillic as \uXXXX; unescaped, a name in them is found too.
                    var raw = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    var text = raw.Contains("\\u", StringComparison.Ordinal) ? System.Text.RegularExpressions.Regex.Unescape(raw) : raw;
                    Assert.False(text == id || text.Contains($"\"{id}\"", StringComparison.Ordinal), $"{table}.{column} still holds the user id");
                    foreach (var word in words)
                    {
                        Assert.False(text.Contains(word, StringComparison.Ordinal), $"{table}.{column} still holds '{word}'");
                    }
                }
            }
        }
    }
}
