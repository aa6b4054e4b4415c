using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Jobs;

public static class JobsHostingExtensions
{
    /// <summary>Quartz, the jobs of <see cref="JobSchedules"/>, and the reminders they deliver. Registered last: it starts once everything else runs, and stops first.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.AddReminders();
        builder.Services.AddJobSchedules();
        builder.Services.AddSingleton<ScopedJobFactory>();
        builder.Services.AddHostedService<QuartzHostedService>();
        return builder;
    }
}
