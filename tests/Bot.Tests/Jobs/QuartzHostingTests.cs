using System.Collections.Concurrent;
using MentorBot.Bot.Jobs;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Telegram;
using MentorBot.Bot.Tests.Fakes;
using MentorBot.Bot.Tests.Privacy;
using MentorBot.Bot.Tests.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MentorBot.Bot.Tests.Jobs;

public sealed class QuartzHostingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A host with nothing but the bot's scheduler, running <typeparamref name="TJob"/> every <paramref name="interval"/>.</summary>
    private static IHost Build<TJob>(TimeSpan interval, Action<IServiceCollection> services)
        where TJob : class, IJob
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IPrimaryInstance, SoleInstance>();
        builder.Services.AddBotScheduler(quartz => quartz.Every<TJob>(typeof(TJob).Name, _ => interval));
        services(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true }));
        return builder.Build();
    }

    [Fact]
    public async Task Each_run_resolves_the_job_from_a_scope_of_its_own_and_disposes_it_after()
    {
        var runs = new ProbeRuns();
        using var host = Build<ProbeJob>(TimeSpan.FromMilliseconds(50), s => s.AddSingleton(runs).AddScoped<ScopeProbe>());

        await host.StartAsync();
        var first = await runs.NextAsync();
        var second = await runs.NextAsync();
        await host.StopAsync();

        Assert.NotSame(first, second);
        Assert.True(first.Disposed);
        Assert.True(second.Disposed);
    }

    [Fact]
    public async Task A_standby_instance_keeps_the_schedule_but_runs_nothing_until_it_becomes_primary()
    {
        var runs = new ProbeRuns();
        var instance = new SwitchableInstance();
        using var host = Build<ProbeJob>(TimeSpan.FromMilliseconds(50), s => s.AddSingleton(runs).AddScoped<ScopeProbe>()
            .AddSingleton<IPrimaryInstance>(instance));

        await host.StartAsync();
        await Task.Delay(500);
        Assert.Equal(0, runs.Count);
        instance.IsPrimary = true;
        await runs.NextAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task A_failed_run_is_logged_with_the_job_name_and_the_job_runs_again_at_its_next_firing()
    {
        var runs = new ProbeRuns();
        var logs = new LogCapture();
        using var host = Build<FailingJob>(TimeSpan.FromMilliseconds(50), s =>
        {
            s.AddSingleton(runs).AddScoped<ScopeProbe>();
            logs.AddTo(s);
        });

        await host.StartAsync();
        await runs.NextAsync();
        await runs.NextAsync();
        await host.StopAsync();

        var failure = Assert.Single(logs.Lines.Where(l => l.Category == typeof(PrimaryInstanceJobMiddleware).FullName).Take(1));
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Contains(nameof(FailingJob), failure.Text);
        Assert.Contains("probe failure", failure.Text);
    }

    [Fact]
    public async Task Stopping_waits_for_a_running_job_and_asks_it_to_finish()
    {
        var gate = new BlockingGate();
        using var host = Build<BlockingJob>(TimeSpan.FromHours(1), s => s.AddSingleton(gate));
        await host.StartAsync();
        await gate.Started.Task.WaitAsync(Patience);

        var stopping = host.StopAsync();
        await gate.CancellationRequested.Task.WaitAsync(Patience);
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted);

        gate.Release.SetResult();
        await stopping.WaitAsync(Patience);
        Assert.True(gate.Finished);
    }

    [Fact]
    public async Task The_bot_declares_its_jobs_once_each_by_name_with_intervals_from_options()
    {
        await using var bot = await BotHarness.StartAsync(settings =>
        {
            settings["Reminders:SweepInterval"] = "00:00:45";
            settings["Announcements:IdleTickInterval"] = "00:01:00";
        });

        // The scheduler as Quartz built it from the declarations (the harness does not start it).
        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var intervals = new Dictionary<string, TimeSpan>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            var trigger = (ISimpleTrigger)(await scheduler.GetTrigger(key))!;
            intervals.Add(key.Name, trigger.RepeatInterval);
        }

        Assert.Equal(
            new Dictionary<string, TimeSpan>
            {
                [JobSchedules.ReminderSweep] = TimeSpan.FromSeconds(45),
                [JobSchedules.DigestPlanning] = TimeSpan.FromHours(1),
                // The idle interval: the job is woken for work, and plans its busy ticks itself.
                [JobSchedules.Broadcasts] = TimeSpan.FromMinutes(1),
                [JobSchedules.Housekeeping] = HousekeepingJob.Interval,
                [JobSchedules.MonthlyReportPlanning] = TimeSpan.FromHours(1),
            },
            intervals);
    }

    [Fact]
    public async Task In_the_running_bot_quartz_sweeps_due_reminders_on_its_own()
    {
        const long director = 4242;
        await using var api = await FakeBotApi.StartAsync();
        // The real clock here, so quiet hours are off: the test must not depend on the hour it runs at.
        await using var bot = await LiveBot.StartAsync(
            api,
            settings =>
            {
                settings["Reminders:SweepInterval"] = "00:00:00.100";
                settings["Reminders:QuietHoursStart"] = "00:00";
                settings["Reminders:QuietHoursEnd"] = "00:00";
            },
            services =>
            {
                BotHarness.RemoveHostedService<PollingReceiver>(services);
                services.AddSingleton<FinishedSubjects>().AddReminderKind<TestNudge>();
            });

        await using (var scope = bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderScheduler>()
                .ScheduleAsync<TestNudge>(new ReminderSubject("test", 1), director, TimeProvider.System.GetUtcNow(), "quartz");
        }

        var delivered = await api.WaitForDeliveryAsync(m => m.ChatId == director, Patience);
        Assert.Equal("Напоминание: без темы", delivered.VisibleText);
    }

    private sealed class ScopeProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class SwitchableInstance : IPrimaryInstance
    {
        public bool IsPrimary { get; set; }
    }

    private sealed class ProbeRuns
    {
        private readonly ConcurrentQueue<ScopeProbe> _seen = new();

        public void Ran(ScopeProbe probe) => _seen.Enqueue(probe);

        public int Count => _seen.Count;

        public async Task<ScopeProbe> NextAsync()
        {
            var deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                if (_seen.TryDequeue(out var probe))
                {
                    // The run is over once its scope is disposed; give it that moment.
                    while (!probe.Disposed && DateTime.UtcNow < deadline)
                    {
                        await Task.Delay(5);
                    }
                    return probe;
                }
                await Task.Delay(5);
            }
            throw new TimeoutException("The job did not run.");
        }
    }

    [DisallowConcurrentExecution]
    private sealed class ProbeJob(ScopeProbe probe, ProbeRuns runs) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Assert.False(probe.Disposed);
            runs.Ran(probe);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailingJob(ScopeProbe probe, ProbeRuns runs) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Ran(probe);
            throw new InvalidOperationException("probe failure");
        }
    }

    private sealed class BlockingGate
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource CancellationRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Finished { get; set; }
    }

    private sealed class BlockingJob(BlockingGate gate) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            await using var registration = cancellationToken.Register(() => gate.CancellationRequested.TrySetResult());
            gate.Started.TrySetResult();
            await gate.Release.Task;
            gate.Finished = true;
        }
    }
}
