using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MentorBot.Bot.Tests.Features.Mentorship.MentorshipSeed;
using Telegram.Bot.Types;

namespace MentorBot.Bot.Tests.Features.Mentorship;

public sealed class RaceAndAuthorizationTests
{
    private const long SecondYoung = 102;
    private const long Outsider = 103;

    /// <summary>Both updates at once through the pipeline, as two bot instances would handle them.</summary>
    private static async Task RaceAsync(BotHarness bot, Update first, Update second)
    {
        var pipeline = bot.Services.GetRequiredService<UpdatePipeline>();
        await Task.WhenAll(
            Task.Run(() => pipeline.HandleAsync(first, CancellationToken.None)),
            Task.Run(() => pipeline.HandleAsync(second, CancellationToken.None)));
        await bot.DeliveredAsync();
    }

    [Fact]
    public async Task Two_accepts_racing_for_the_last_place_give_one_partnership_and_a_clear_message()
    {
        for (var round = 0; round < 10; round++)
        {
            await using var bot = await StartAsync(capacity: 1);
            await DirectorBuilder.Young(SecondYoung).Named("Смирнова Ольга Игоревна").WithDeficits("legal").SaveAsync(bot);
            await bot.PressDataAsync(Young, $"req:new:{BestFlagship}");
            await bot.PressDataAsync(SecondYoung, $"req:new:{BestFlagship}");
            var ids = await bot.QueryAsync<long>("SELECT id FROM mentor_requests ORDER BY id");

            await RaceAsync(bot, Updates.Callback(BestFlagship, $"req:acc:{ids[0]}", 1), Updates.Callback(BestFlagship, $"req:acc:{ids[1]}", 2));

            Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships WHERE mentor_id = @BestFlagship", new { BestFlagship }));
            Assert.Equal(["Accepted", "Pending"], (await bot.QueryAsync<string>("SELECT status FROM mentor_requests ORDER BY status")).ToList());
            Assert.Contains(bot.Telegram.CallbackAnswers, a => a.Text is { } text && text.Contains("Свободных мест нет"));
        }
    }

    [Fact]
    public async Task An_accept_racing_a_withdrawal_never_leaves_both_done()
    {
        for (var round = 0; round < 10; round++)
        {
            await using var bot = await StartAsync();
            await bot.PressDataAsync(Young, $"req:new:{BestFlagship}");
            var id = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests");

            await RaceAsync(bot, Updates.Callback(BestFlagship, $"req:acc:{id}", 1), Updates.Callback(Young, $"req:wd:{id}", 2));

            var status = await bot.ScalarAsync<string>("SELECT status FROM mentor_requests");
            var partnerships = await bot.ScalarAsync<long>("SELECT COUNT(*) FROM partnerships");
            Assert.True((status, partnerships) is ("Accepted", 1L) or ("Withdrawn", 0L), $"{status} with {partnerships} partnerships");
        }
    }

    [Fact]
    public async Task A_third_party_tries_every_partnership_and_request_action_and_nothing_changes()
    {
        await using var bot = await StartAsync();
        await DirectorBuilder.Young(Outsider).Named("Чужой Пётр Петрович").SaveAsync(bot);
        var partnershipId = await PartnerAsync(bot);
        await bot.PressDataAsync(BestFlagship, $"ps:plan:{partnershipId}");
        await bot.SendTextAsync(BestFlagship, "Совместный педсовет");
        await bot.PressAsync(BestFlagship, "Вместе");
        await bot.SendTextAsync(BestFlagship, "20.12.2026");
        await DirectorBuilder.Young(SecondYoung).WithDeficits("legal").SaveAsync(bot);
        await bot.PressDataAsync(SecondYoung, $"req:new:{SecondFlagship}");
        var requestId = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests WHERE status = 'Pending'");
        var itemId = await bot.ScalarAsync<long>("SELECT id FROM plan_items");
        var before = await SnapshotAsync(bot);
        var answersBefore = bot.Telegram.CallbackAnswers.Count;

        string[] forged =
        [
            $"ps:card:{partnershipId}", $"ps:plan:{partnershipId}", $"ps:items:{partnershipId}", $"ps:item:{partnershipId}:{itemId}:Planned",
            $"ps:meet:{partnershipId}", $"ps:chk:{partnershipId}", $"ps:note:{partnershipId}:1", $"ps:prl:{partnershipId}:y:20271123",
            $"ps:prl:{partnershipId}:n:20271123", $"ps:end:{partnershipId}", $"ps:fb:{partnershipId}",
            $"req:acc:{requestId}", $"req:dec:{requestId}", $"req:wd:{requestId}", "req:acc:999999", $"asg:p:{Young}:{ThirdFlagship}",
        ];
        foreach (var caller in new[] { Outsider, ThirdFlagship, Coordinator })
        {
            foreach (var data in forged)
            {
                await bot.PressDataAsync(caller, data);
            }
        }

        Assert.Equal(before, await SnapshotAsync(bot));
        Assert.Equal(answersBefore + forged.Length * 3, bot.Telegram.CallbackAnswers.Count);
        Assert.Empty(bot.TextsIn(Outsider));
    }

    [Fact]
    public async Task A_mentee_cannot_answer_their_own_request_nor_a_pending_flagship_accept()
    {
        await using var bot = await StartAsync();
        await DirectorBuilder.Flagship(204).Pending().SaveAsync(bot);
        await bot.PressDataAsync(Young, $"req:new:{BestFlagship}");
        var id = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests");

        await bot.PressDataAsync(Young, $"req:acc:{id}");
        await bot.PressDataAsync(204, $"req:acc:{id}");
        await bot.SendTextAsync(204, "/requests");

        Assert.Equal("Pending", await bot.ScalarAsync<string>("SELECT status FROM mentor_requests"));
        Assert.Contains("недоступна", bot.LastText(204));
    }

    private static async Task<string> SnapshotAsync(BotHarness bot)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "partnerships", "plan_items", "meetings", "checkins", "partnership_feedback", "mentor_requests", "conversations" })
        {
            var rows = await bot.QueryAsync<dynamic>($"SELECT * FROM {table} ORDER BY 1");
            parts.Add(table + ":" + string.Join("|", rows.Select(r => string.Join(",", ((IDictionary<string, object?>)r).Values))));
        }
        return string.Join("\n", parts);
    }
}
