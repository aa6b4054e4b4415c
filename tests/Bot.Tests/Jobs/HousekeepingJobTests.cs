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
}
