using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;

namespace MentorBot.Bot.Tests.Persistence;

/// <summary>
/// The same scenarios on SQLite and on PostgreSQL, through the real repositories: where the SQL dialects, the type
/// mappings or the concurrency of the two differ, these are the tests that notice. (MENTORBOT_TEST_DATABASE=postgres
/// runs the whole suite on PostgreSQL.)
/// </summary>
public sealed class StorageProviderTests
{
    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Instants_flags_dates_ids_and_nulls_read_back_exactly(DatabaseProvider provider)
    {
        await using var bot = await BotHarness.StartAsync(provider: provider);
        var at = new DateTimeOffset(2026, 12, 1, 9, 30, 15, 123, TimeSpan.FromHours(3));
        var id = Guid.NewGuid();
        var day = new DateOnly(2027, 2, 28);
        await bot.InScopeAsync(services => services.GetRequiredService<DbSession>().ExecuteAsync(
            "CREATE TABLE probe (at BIGINT NOT NULL, flag BIGINT NOT NULL, maybe BIGINT, day TEXT NOT NULL, id TEXT NOT NULL, note TEXT)"));

        await bot.InScopeAsync(services => services.GetRequiredService<DbSession>().ExecuteAsync(
            "INSERT INTO probe (at, flag, maybe, day, id, note) VALUES (@At, @Flag, @Maybe, @Day, @Id, @Note)",
            new { At = at, Flag = true, Maybe = (bool?)null, Day = day, Id = id, Note = (string?)null }));

        var row = Assert.Single(await bot.QueryAsync<ProbeRow>(
            "SELECT at AS At, flag AS Flag, maybe AS Maybe, day AS Day, id AS Id, note AS Note FROM probe WHERE flag = 1 AND day <= @Day",
            new { Day = day }));
        Assert.Equal((at, true, (bool?)null, day, id, (string?)null), (row.At, row.Flag, row.Maybe, row.Day, row.Id, row.Note));
        Assert.Equal(at.ToUnixTimeMilliseconds(), await bot.ScalarAsync<long>("SELECT at FROM probe"));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Lists_bind_as_IN_and_NOT_IN_and_an_empty_list_matches_nothing(DatabaseProvider provider)
    {
        await using var bot = await BotHarness.StartAsync(provider: provider);
        await DirectorBuilder.Young(11).InDistrict("dinskoy").SaveAsync(bot);
        await DirectorBuilder.Young(12).InDistrict("goryachy-klyuch").SaveAsync(bot);
        await DirectorBuilder.Young(13).InDistrict("goryachy-klyuch").Pending().SaveAsync(bot);

        IReadOnlyList<DirectorProfile> inDistricts = [], none = [], everywhere = [];
        await bot.InScopeAsync(async services =>
        {
            var people = services.GetRequiredService<PeopleRepository>();
            inDistricts = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active, ProfileStatus.Pending], ["goryachy-klyuch"]);
            none = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], []);
            everywhere = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], null);
        });

        Assert.Equal([12L, 13L], inDistricts.Select(p => p.UserId).Order());
        Assert.Empty(none);
        Assert.Equal([11L, 12L], everywhere.Select(p => p.UserId).Order());
        Assert.Equal(1L, await bot.ScalarAsync<long>(
            "SELECT COUNT(*) FROM people WHERE district NOT IN @Districts AND status = 'Active'", new { Districts = new[] { "goryachy-klyuch" } }));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Search_folds_Cyrillic_case_and_yo_and_needs_every_word(DatabaseProvider provider)
    {
        const long searcher = 21, korolev = 22, yolochka = 23;
        await using var bot = await BotHarness.StartAsync(provider: provider);
        await DirectorBuilder.Young(searcher).SaveAsync(bot);
        await DirectorBuilder.Flagship(korolev).AtSchool("МАОУ СОШ № 7 имени С. П. Королёва").WithStrengths("legal").SaveAsync(bot);
        await DirectorBuilder.Flagship(yolochka).AtSchool("Лицей «Ёлочка»").WithStrengths("finance").SaveAsync(bot);

        await bot.SendTextAsync(searcher, "/find КОРОЛЕВА сош");
        Assert.Contains("Королёва", bot.LastText(searcher));
        Assert.DoesNotContain("Ёлочка", bot.LastText(searcher));

        await bot.SendTextAsync(searcher, "/find елочка королева");
        Assert.DoesNotContain("Королёва", bot.LastText(searcher));
        Assert.DoesNotContain("Ёлочка", bot.LastText(searcher));
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Two_accepts_racing_for_the_last_place_give_one_partnership(DatabaseProvider provider)
    {
        const long secondYoung = 102;
        for (var round = 0; round < 5; round++)
        {
            await using var bot = await StartAsync(capacity: 1, provider: provider);
            await DirectorBuilder.Young(secondYoung).Named("Смирнова Ольга Игоревна").WithDeficits("legal").SaveAsync(bot);
            await bot.PressDataAsync(Young, $"req:new:{BestFlagship}");
            await bot.PressDataAsync(secondYoung, $"req:new:{BestFlagship}");
            var ids = await bot.QueryAsync<long>("SELECT id FROM mentor_requests ORDER BY id");

            var pipeline = bot.Services.GetRequiredService<UpdatePipeline>();
            await Task.WhenAll(
                Task.Run(() => pipeline.HandleAsync(Updates.Callback(BestFlagship, $"req:acc:{ids[0]}", 1), CancellationToken.None)),
                Task.Run(() => pipeline.HandleAsync(Updates.Callback(BestFlagship, $"req:acc:{ids[1]}", 2), CancellationToken.None)));
            await bot.DeliveredAsync();

            Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships WHERE mentor_id = @BestFlagship", new { BestFlagship }));
            Assert.Equal(["Accepted", "Pending"], (await bot.QueryAsync<string>("SELECT status FROM mentor_requests ORDER BY status")).ToList());
            Assert.Contains(bot.Telegram.CallbackAnswers, a => a.Text is { } text && text.Contains("Свободных мест нет", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(StorageProviders.All), MemberType = typeof(StorageProviders))]
    public async Task Delete_me_leaves_no_trace_of_a_partnered_young_director_in_any_table(DatabaseProvider provider)
    {
        await using var bot = await StartAsync(provider: provider);
        await PartnerAsync(bot);

        await bot.SendTextAsync(Young, "/delete_me");
        await bot.PressAsync(Young, "Да, удалить");

        await DatabaseAssert.NoTraceOfAsync(bot, Young, "Иванова Мария Петровна", "ivanova");
        Assert.Equal(3L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM people"));
    }

    [PostgresFact]
    public async Task Both_databases_have_the_same_tables_and_columns_after_the_migrations()
    {
        await using var sqlite = await BotHarness.StartAsync(provider: DatabaseProvider.Sqlite);
        await using var postgres = await BotHarness.StartAsync(provider: DatabaseProvider.PostgreSql);

        var tables = await sqlite.TablesAsync();
        Assert.Equal(tables.Order(), (await postgres.TablesAsync()).Order());
        Assert.Contains("partnerships", tables);
        foreach (var table in tables)
        {
            Assert.Equal((await sqlite.ColumnsAsync(table)).Order(), (await postgres.ColumnsAsync(table)).Order());
            Assert.Equal((await sqlite.ColumnsAsync(table, textOnly: true)).Order(), (await postgres.ColumnsAsync(table, textOnly: true)).Order());
        }
    }

    private sealed class ProbeRow
    {
        public DateTimeOffset At { get; init; }
        public bool Flag { get; init; }
        public bool? Maybe { get; init; }
        public DateOnly Day { get; init; }
        public Guid Id { get; init; }
        public string? Note { get; init; }
    }
}
