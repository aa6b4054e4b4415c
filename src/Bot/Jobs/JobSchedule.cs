using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MentorBot.Bot.Jobs;

/// <summary>A named job and how often it runs. Quartz only decides when a job wakes; the job reads the time from TimeProvider.</summary>
public sealed record JobSchedule(string Name, Type JobType, TimeSpan Interval);

public static class JobServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TJob"/> to be resolved in a scope of its own for each run, every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> interval)
        where TJob : class, IJob
    {
        services.AddScoped<TJob>();
        return services.AddSingleton(provider => new JobSchedule(name, typeof(TJob), interval(provider)));
    }
}
