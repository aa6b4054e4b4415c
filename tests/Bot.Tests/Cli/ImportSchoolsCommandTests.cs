using Dapper;
using MentorBot.Bot.Cli;
using MentorBot.Bot.Tests.Features.Schools;
using Microsoft.Data.Sqlite;

namespace MentorBot.Bot.Tests.Cli;

public sealed class ImportSchoolsCommandTests
{
    private static Dictionary<string, string?> Settings(CliRun run) => new()
    {
        ["Database:Path"] = run.PathOf("bot.db"),
        ["Catalog:Districts:0:Code"] = "dinskoy",
        ["Catalog:Districts:0:Name"] = "Динской район",
        ["Catalog:Districts:0:Region"] = "Краснодарский край",
        ["Catalog:Districts:0:TimeZone"] = "Europe/Moscow",
    };

    private static async Task<long> CountAsync(CliRun run)
    {
        await using var connection = new SqliteConnection($"Data Source={run.PathOf("bot.db")};Pooling=False");
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schools");
    }

    [Fact]
    public async Task Without_apply_it_previews_and_with_apply_it_stores_then_a_second_run_changes_nothing()
    {
        using var run = new CliRun();
        var file = run.PathOf("schools.csv");
        await File.WriteAllBytesAsync(file, SchoolFiles.Csv(SchoolFiles.Row("1"), SchoolFiles.Row("9")));

        Assert.Equal(0, await run.RunAsync(new ImportSchoolsCommand(), Settings(run), "--district", "dinskoy", "--input", file));
        Assert.Contains("Добавятся школы (2): №1, №9.", run.Out);
        Assert.Contains("run again with --apply", run.Out);
        Assert.Equal(0, await CountAsync(run));

        Assert.Equal(0, await run.RunAsync(new ImportSchoolsCommand(), Settings(run), "--district", "dinskoy", "--input", file, "--apply"));
        Assert.Contains("Реестр школ обновлён (Динской район). Добавлено: 2", run.Out);
        Assert.Equal(2, await CountAsync(run));

        Assert.Equal(0, await run.RunAsync(new ImportSchoolsCommand(), Settings(run), "--district", "dinskoy", "--input", file, "--apply"));
        Assert.Contains("Реестр уже совпадает с файлом", run.Out);
    }

    [Fact]
    public async Task A_bad_file_or_an_unknown_district_exits_non_zero_and_stores_nothing()
    {
        using var run = new CliRun();
        var file = run.PathOf("schools.csv");
        await File.WriteAllBytesAsync(file, SchoolFiles.Csv(SchoolFiles.Row("1", latitude: "200")));

        Assert.Equal(1, await run.RunAsync(new ImportSchoolsCommand(), Settings(run), "--district", "dinskoy", "--input", file, "--apply"));
        Assert.Contains("Строка 2: широта 200 вне допустимого диапазона", run.Error);
        Assert.False(File.Exists(run.PathOf("bot.db")));

        Assert.Equal(2, await run.RunAsync(new ImportSchoolsCommand(), Settings(run), "--district", "nowhere", "--input", file));
        Assert.Contains("Unknown district 'nowhere'", run.Error);
    }
}
