using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Reminders;

/// <summary>Keeps one recurring reminder planned ahead for every coordinator (the weekly digest, the monthly report).</summary>
public static class CoordinatorPlanning
{
    /// <summary>Calls <paramref name="scheduleNext"/> for each coordinator; returns how many reminders were new.</summary>
    public static async Task<int> PlanForEachAsync(
        DigestRepository coordinators, Func<long, Task<bool>> scheduleNext, CancellationToken cancellationToken)
    {
        var planned = 0;
        foreach (var coordinatorId in await coordinators.CoordinatorIdsAsync(cancellationToken))
        {
            planned += await scheduleNext(coordinatorId) ? 1 : 0;
        }
        return planned;
    }
}
