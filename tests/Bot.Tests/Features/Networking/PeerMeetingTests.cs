using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed class PeerMeetingTests
{
    /// <summary>The first Mondays after the test clock's start, at 11:00 Moscow time.</summary>
    private static readonly DateTimeOffset[] Rounds =
    [
        new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero),
        new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero),
        new(2027, 2, 1, 8, 0, 0, TimeSpan.Zero),
        new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero),
    ];

    private static async Task<BotHarness> StartAsync(int participants, long first = 3601, string district = "dinskoy")
    {
        var bot = await BotHarness.StartAsync();
        for (var id = first; id < first + participants; id++)
        {
            await DirectorBuilder.Young(id).InDistrict(district).WithUsername($"peer{id}").SaveAsync(bot);
            await JoinAsync(bot, id, "коллеги моего района");
        }
        return bot;
    }

    private static async Task JoinAsync(BotHarness bot, long id, string how)
    {
        await bot.SendTextAsync(id, "/coffee");
        await bot.PressAsync(id, how);
    }

    private static async Task HoldRoundAsync(BotHarness bot, int round)
    {
        bot.Clock.SetUtcNow(Rounds[round]);
        await bot.SweepAsync();
    }

    private static async Task<List<long[]>> GroupsOfRoundAsync(BotHarness bot, int round) =>
        (await bot.QueryAsync<(long GroupId, long UserId)>(
            """
            SELECT m.group_id, m.user_id FROM peer_group_members m JOIN peer_groups g ON g.id = m.group_id JOIN peer_rounds r ON r.id = g.round_id
            WHERE r.month = @Month ORDER BY m.group_id, m.user_id
            """,
            new { Month = Rounds[round].ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) }))
        .GroupBy(r => r.GroupId)
        .Select(g => g.Select(r => r.UserId).ToArray())
        .ToList();

    [Fact]
    public async Task The_monthly_round_pairs_participants_and_gives_each_their_partners_contact()
    {
        await using var bot = await StartAsync(4);
        Assert.Contains("Следующий раунд — 07.12.2026", bot.LastText(3601));

        await HoldRoundAsync(bot, 0);

        var groups = await GroupsOfRoundAsync(bot, 0);
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Equal(2, g.Length));
        foreach (var group in groups)
        {
            Assert.Contains($"tg://user?id={group[1]}", bot.Telegram.In(group[0]).Last().Html);
            Assert.Contains($"@peer{group[0]}", bot.LastText(group[1]));
        }
    }

    [Fact]
    public async Task An_odd_count_makes_one_trio()
    {
        await using var bot = await StartAsync(5);

        await HoldRoundAsync(bot, 0);

        var groups = await GroupsOfRoundAsync(bot, 0);
        Assert.Equal([2, 3], groups.Select(g => g.Length).Order().ToArray());
        var trio = groups.Single(g => g.Length == 3);
        Assert.Contains("втроём", bot.LastText(trio[0]));
        Assert.All(trio.Skip(1), other => Assert.Contains($"tg://user?id={other}", bot.Telegram.In(trio[0]).Last().Html));
    }

    [Fact]
    public async Task A_paused_participant_is_not_paired_until_they_resume()
    {
        await using var bot = await StartAsync(3);
        await bot.SendTextAsync(3603, "/coffee");
        await bot.PressAsync(3603, "Пауза");
        Assert.Contains("на паузе", bot.LastText(3603));
        var seenBefore = bot.TextsIn(3603).Count;

        await HoldRoundAsync(bot, 0);

        Assert.Equal([[3601, 3602]], await GroupsOfRoundAsync(bot, 0));
        Assert.Equal(seenBefore, bot.TextsIn(3603).Count);

        await bot.SendTextAsync(3603, "/coffee");
        await bot.PressAsync(3603, "Возобновить");
        await HoldRoundAsync(bot, 1);
        Assert.Contains(3603, (await GroupsOfRoundAsync(bot, 1)).SelectMany(g => g));
    }

    [Fact]
    public async Task No_one_meets_a_partner_of_their_last_three_rounds()
    {
        await using var bot = await StartAsync(4);
        var partners = new Dictionary<long, List<long>>();

        for (var round = 0; round < 3; round++)
        {
            await HoldRoundAsync(bot, round);
            foreach (var group in await GroupsOfRoundAsync(bot, round))
            {
                foreach (var member in group)
                {
                    var list = partners.TryGetValue(member, out var known) ? known : partners[member] = [];
                    list.AddRange(group.Where(other => other != member));
                }
            }
        }
        await HoldRoundAsync(bot, 3);

        Assert.All(partners.Values, list => Assert.Equal(list.Count, list.Distinct().Count()));
        Assert.All(partners.Values, list => Assert.Equal(3, list.Count));
        Assert.Empty(await GroupsOfRoundAsync(bot, 3));
        Assert.All(Enumerable.Range(3601, 4), id => Assert.Contains("виделись в последние раунды", bot.LastText(id)));
    }

    [Fact]
    public async Task A_week_later_each_is_asked_whether_they_met_and_the_answer_is_kept()
    {
        await using var bot = await StartAsync(2);
        await HoldRoundAsync(bot, 0);

        bot.Clock.Advance(TimeSpan.FromDays(7));
        await bot.SweepAsync();

        Assert.Contains("удалось встретиться", bot.LastText(3601));
        Assert.Contains("удалось встретиться", bot.LastText(3602));
        await bot.PressAsync(3601, "Да, встретились");
        await bot.PressAsync(3602, "Нет, не получилось");
        await bot.PressDataAsync(3601, $"cof:met:{await bot.ScalarAsync<long>("SELECT id FROM peer_groups")}:0");
        Assert.Contains("неактуальна", bot.Telegram.CallbackAnswers.Last().Text);
        Assert.Equal([(3601L, 1L), (3602L, 0L)], await bot.QueryAsync<(long, long)>("SELECT user_id, met FROM peer_group_members ORDER BY user_id"));
    }

    [Fact]
    public async Task Crossing_districts_happens_only_when_both_chose_it()
    {
        await using var bot = await StartAsync(1, first: 3601, district: "dinskoy");
        await DirectorBuilder.Young(3611).InDistrict("goryachy-klyuch").SaveAsync(bot);
        await JoinAsync(bot, 3611, "можно из других районов");

        await HoldRoundAsync(bot, 0);
        Assert.Empty(await GroupsOfRoundAsync(bot, 0));
        Assert.Contains("в вашем районе больше никто не участвует", bot.LastText(3601));

        await bot.SendTextAsync(3601, "/coffee");
        await bot.PressAsync(3601, "Можно и из других районов");
        await HoldRoundAsync(bot, 1);
        Assert.Equal([[3601, 3611]], await GroupsOfRoundAsync(bot, 1));
    }

    [Fact]
    public async Task Leaving_and_forged_buttons_change_nothing_else()
    {
        await using var bot = await StartAsync(2);
        await bot.SendTextAsync(3602, "/coffee");
        await bot.PressAsync(3602, "Выйти");

        await bot.PressDataAsync(5999, "cof:join:1");
        await bot.PressDataAsync(3602, "cof:pause:1");
        await HoldRoundAsync(bot, 0);

        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM peer_participants WHERE user_id IN (5999, 3602)"));
        Assert.Empty(await GroupsOfRoundAsync(bot, 0));
        Assert.Contains("никто не участвует", bot.LastText(3601));
    }
}
