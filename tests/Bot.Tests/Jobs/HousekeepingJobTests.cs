using MentorBot.Bot.Jobs;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Jobs;

public sealed class HousekeepingJobTests
{
    [Fact]
    public async Task Update_ids_older_than_the_retention_are_forgotten_and_recent_ones_kept()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendTextAsync(1, "/help");
        bot.Clock.Advance(TimeSpan.FromDays(8));
        await bot.SendTextAsync(1, "/help");

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HousekeepingJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(1L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM processed_updates"));
    }

    [Fact]
    public async Task Sent_messages_older_than_the_retention_leave_the_outbox_and_pending_ones_never_do()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.SendTextAsync(1, "/help");
        bot.Clock.Advance(TimeSpan.FromDays(31));
        await bot.SendTextAsync(3, "/help");
        // Held back until 2100, so the sender leaves it pending.
        await bot.QueryAsync<long>("INSERT INTO outbox (chat_id, kind, payload, status, not_before, created_at) VALUES (2, 'Send', '{}', 'pending', 4102444800000, 0)");

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HousekeepingJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal([2L, 3L], await bot.QueryAsync<long>("SELECT DISTINCT chat_id FROM outbox ORDER BY chat_id"));
    }
}
