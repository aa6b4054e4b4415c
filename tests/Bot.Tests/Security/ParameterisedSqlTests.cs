using MentorBot.Bot.Tests.Deploy;

namespace MentorBot.Bot.Tests.Security;

/// <summary>All SQL lives in src/Bot/Persistence, and none of it is built from values: see <see cref="SqlSourceScanner"/> for the rule.</summary>
public sealed class ParameterisedSqlTests
{
    [Fact]
    public void No_SQL_in_the_persistence_layer_is_built_from_values()
    {
        var directory = Path.Combine(Repository.Root, "src", "Bot", "Persistence");
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);

        var findings = files.SelectMany(file => SqlSourceScanner.Scan(Path.GetRelativePath(Repository.Root, file), File.ReadAllText(file))).ToList();

        Assert.True(files.Length >= 10, $"only {files.Length} files found under {directory}");
        Assert.True(findings.Count == 0, "SQL built from values:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("""db.QueryAsync<long>($"SELECT id FROM people WHERE full_name = '{name}'");""", "{name} in SQL")]
    [InlineData("""db.QueryAsync<long>($"SELECT {columns} FROM people");""", "{columns} in SQL")]
    [InlineData("""db.ExecuteAsync("DELETE FROM people WHERE user_id = " + userId);""", "SQL + userId")]
    [InlineData("""db.ExecuteAsync(filter + " ORDER BY id");""", "SQL + filter")]
    [InlineData(""""db.ExecuteAsync($$"""UPDATE people SET note = '{{draft.Note}}'""");"""", "{draft.Note} in SQL")]
    [InlineData(""""db.ExecuteAsync($@"SELECT * FROM ""{table}""");"""", "{table} in SQL")]
    [InlineData("""db.ExecuteAsync(string.Format("SELECT * FROM t WHERE a = {0}", a));""", "string.Format")]
    public void Values_spliced_into_SQL_are_found(string statement, string expected)
    {
        var findings = SqlSourceScanner.Scan("Sample.cs", $"class Sample {{ void Run(string name, string columns, long userId, string filter, string table, string a) {{ {statement} }} }}");

        Assert.Contains(findings, f => f.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Constant_pieces_choices_between_literals_and_numbers_are_allowed()
    {
        const string source =
            """
            class Sample(int busyTimeout)
            {
                private const string Columns = "id AS Id, name AS Name";
                // A comment may say $"SELECT {anything}" + value.
                void Run(IReadOnlyList<string>? districts)
                {
                    db.QueryAsync<Row>($"SELECT {Columns} FROM people WHERE id = @Id", new { Id = 1 });
                    var filter = districts is null ? "" : " AND district IN @Districts";
                    db.QueryAsync<Row>($"SELECT {Columns} FROM people WHERE role = @Role{filter}", new { Role = "Young", Districts = districts });
                    db.QueryAsync<Row>($"{Columns} WHERE x = 1 {(districts is null ? "" : "AND district IN @Districts")} ORDER BY id");
                    db.ExecuteAsync($"PRAGMA busy_timeout={busyTimeout}");
                    db.QueryAsync<Row>("SELECT " + Columns + " FROM people");
                    logger.Log($"failed for {name}");
                }
            }
            """;

        Assert.Empty(SqlSourceScanner.Scan("Sample.cs", source));
    }
}
