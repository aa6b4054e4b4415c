using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Reminders;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// The bot's process is killed (SIGKILL, no graceful stop) at seeded random points of a workload and started again on
/// the same database, one to three times a run. Afterwards nothing the users did is lost, nothing is half-written, and
/// a message reaches a user twice only if it was in flight when the process died. The default run tries one seed of
/// each; <c>MENTORBOT_SLOW=1 dotnet test tests/Bot.Tests --filter Category=Slow</c> tries twenty.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int SlowSeedCount = 20;

    public static TheoryData<int> SlowSeeds => SlowTests.Seeds(SlowSeedCount);

    // ---- Mid-registration ----

    [Theory]
    [InlineData(1)]
    public Task Killed_mid_registration_every_profile_is_complete_and_as_entered(int seed) => MidRegistrationAsync(seed);

    [SlowTheory]
    [Trait("Category", SlowTests.Category)]
    [MemberData(nameof(SlowSeeds))]
    public Task Killed_mid_registration_over_many_seeds(int seed) => MidRegistrationAsync(seed);

    private async Task MidRegistrationAsync(int seed)
    {
        using var database = BotDatabase.Create();
        await using var run = await CrashRun.StartAsync(seed, database);
        var random = new Random(seed);
        var walks = Enumerable.Range(1, 6)
            .Select(i => new RegistrationWalk(new FakeChat(run.Api, database, 5000 + i), new Random(random.Next())))
            .ToList();

        await run.RunAsync(() => Task.WhenAll(walks.Select(w => w.RunAsync())), Kills(random, maxCallsApart: 250, maxMillisecondsApart: 6000));

        foreach (var walk in walks)
        {
            await AssertRegisteredAsync(database, walk);
        }
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM conversations"));
        Assert.Equal(0, run.Api.PendingUpdateCount);
        Report("mid-registration", seed, run, await Transcript.AssertNothingLostAsync(run.Api, database, run.Kills));
    }

    private static async Task AssertRegisteredAsync(BotDatabase database, RegistrationWalk walk)
    {
        var person = Assert.Single(await database.QueryAsync<(string Role, string Status, string FullName, long Capacity, string Note)>(
            "SELECT role, status, full_name, capacity, note FROM people WHERE user_id = @UserId", new { walk.UserId }));
        var codes = (await database.QueryAsync<(string Kind, string Code)>(
                "SELECT kind, code FROM person_codes WHERE user_id = @UserId ORDER BY kind, priority", new { walk.UserId }))
            .ToLookup(c => c.Kind, c => c.Code);
        Assert.Equal(walk.Role.ToString(), person.Role);
        Assert.Equal(walk.Role == DirectorRole.Young ? "Active" : "Pending", person.Status);
        Assert.Equal(walk.FullName, person.FullName);
        Assert.Equal(walk.Note, person.Note);
        Assert.Equal(walk.DeficitsInPriority, codes["Deficit"].ToList());
        Assert.Equal(walk.Strengths.Order(), codes["Strength"].Order());
        Assert.Equal(walk.Offers.Order(), codes["Offer"].Order());
        Assert.Equal(walk.Wants.Order(), codes["Wants"].Order());
        Assert.Equal(walk.Capacity, person.Capacity);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM consents WHERE user_id = @UserId", new { walk.UserId }));
    }

    // ---- Mid-reminder sweep ----

    private const int SweepRequests = 80;
    private const long SweepFlagship = 6100;
    private const long SweepYoung = 6200;

    [Theory]
    [InlineData(1)]
    public Task Killed_mid_reminder_sweep_every_reminder_is_delivered_once(int seed) => MidReminderSweepAsync(seed);

    [SlowTheory]
    [Trait("Category", SlowTests.Category)]
    [MemberData(nameof(SlowSeeds))]
    public Task Killed_mid_reminder_sweep_over_many_seeds(int seed) => MidReminderSweepAsync(seed);

    /// <summary>
    /// Requests of young directors to flagships, each with a reminder due now: half nudge the flagship, half expire the
    /// request, which tells the flagship and offers the young director the next candidates.
    /// </summary>
    private async Task MidReminderSweepAsync(int seed)
    {
        using var database = await BotDatabase.SeedAsync(async harness =>
        {
            var now = harness.Clock.GetUtcNow();
            for (var i = 1; i <= SweepRequests / 2; i++)
            {
                await DirectorBuilder.Flagship(SweepFlagship + i).WithCapacity(5).SaveAsync(harness);
            }
            for (var i = 1; i <= SweepRequests; i++)
            {
                var young = await DirectorBuilder.Young(SweepYoung + i).Named($"Молодой Директор Номер {i}").SaveAsync(harness);
                var expires = i % 2 == 0 ? now.AddMinutes(-1) : now.AddDays(1);
                await harness.InScopeAsync(async services =>
                {
                    var mentor = SweepFlagship + 1 + i % (SweepRequests / 2);
                    var id = (await services.GetRequiredService<MentorRequestRepository>()
                        .CreateAsync(young.UserId, mentor, RequestOrigin.Mentee, null, 0.5, "правовые вопросы", now.AddDays(-3), expires))!.Value;
                    var scheduler = services.GetRequiredService<ReminderScheduler>();
                    var subject = MentorshipReminders.RequestSubject(id);
                    _ = i % 2 == 0
                        ? await scheduler.ScheduleAsync<RequestExpiry>(subject, young.UserId, now.AddMinutes(-1), $"{id}")
                        : await scheduler.ScheduleAsync<RequestNudge>(subject, mentor, now.AddMinutes(-1), $"{id}");
                });
            }
        });
        var random = new Random(seed);
        await using var run = await CrashRun.StartAsync(seed, database, new Dictionary<string, string>
        {
            ["Reminders:SweepInterval"] = "00:00:01",
            // A killed sweep's claims are taken over after this; production waits two minutes.
            ["Reminders:LeaseDuration"] = "00:00:03",
            // Equal ends turn quiet hours off, so the run does not depend on the time of day.
            ["Reminders:QuietHoursStart"] = "00:00",
            ["Reminders:QuietHoursEnd"] = "00:00",
        });

        await run.RunAsync(
            () => run.WaitUntilAsync(
                async db => await db.ScalarAsync<long>("SELECT COUNT(*) FROM reminders WHERE state IN ('pending', 'claimed')") == 0
                    && await db.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0,
                "every reminder delivered and sent"),
            Kills(random, maxCallsApart: 60, maxMillisecondsApart: 2500));

        Assert.Equal(["sent"], await database.QueryAsync<string>("SELECT DISTINCT state FROM reminders"));
        Assert.Equal(SweepRequests / 2, await database.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests WHERE status = 'Expired'"));
        Assert.Equal(SweepRequests / 2, await database.ScalarAsync<long>("SELECT COUNT(*) FROM mentor_requests WHERE status = 'Pending'"));
        // Exactly once: a flagship got one message per request (a nudge or the expiry), an expired request's young
        // director one offer of candidates, and nobody anything more.
        var rowsPerChat = (await database.QueryAsync<(long ChatId, long Rows)>("SELECT chat_id, COUNT(*) FROM outbox GROUP BY chat_id")).ToDictionary(r => r.ChatId, r => r.Rows);
        for (var i = 1; i <= SweepRequests / 2; i++)
        {
            Assert.Equal(2L, rowsPerChat.GetValueOrDefault(SweepFlagship + i));
        }
        for (var i = 1; i <= SweepRequests; i++)
        {
            Assert.Equal(i % 2 == 0 ? 1L : 0L, rowsPerChat.GetValueOrDefault(SweepYoung + i));
        }
        Report("mid-reminder-sweep", seed, run, await Transcript.AssertNothingLostAsync(run.Api, database, run.Kills));
    }

    // ---- Mid-accept ----

    private const int AcceptFlagships = 8;
    private const long AcceptFlagship = 7100;
    private const long AcceptYoung = 7200;

    [Theory]
    [InlineData(1)]
    public Task Killed_mid_accept_every_partnership_is_whole_and_within_capacity(int seed) => MidAcceptAsync(seed);

    [SlowTheory]
    [Trait("Category", SlowTests.Category)]
    [MemberData(nameof(SlowSeeds))]
    public Task Killed_mid_accept_over_many_seeds(int seed) => MidAcceptAsync(seed);

    /// <summary>
    /// Each flagship has two pending requests and opens /requests, then accepts both; those with one free place get
    /// the first partnership and "no free place" for the second.
    /// </summary>
    private async Task MidAcceptAsync(int seed)
    {
        using var database = await BotDatabase.SeedAsync(async harness =>
        {
            var now = harness.Clock.GetUtcNow();
            for (var f = 1; f <= AcceptFlagships; f++)
            {
                var flagship = await DirectorBuilder.Flagship(AcceptFlagship + f).Named($"Флагман Директор Номер {f}").WithCapacity(f % 2 == 0 ? 2 : 1).SaveAsync(harness);
                for (var n = 0; n < 2; n++)
                {
                    var young = await DirectorBuilder.Young(AcceptYoung + f * 2 + n).Named($"Молодой Директор Номер {f * 2 + n}").SaveAsync(harness);
                    await harness.InScopeAsync(services => services.GetRequiredService<MentorRequestRepository>()
                        .CreateAsync(young.UserId, flagship.UserId, RequestOrigin.Mentee, null, 0.5, "правовые вопросы", now.AddHours(-n - 1), now.AddDays(2)));
                }
            }
        });
        var random = new Random(seed);
        await using var run = await CrashRun.StartAsync(seed, database);
        var flagships = Enumerable.Range(1, AcceptFlagships).Select(f => new FakeChat(run.Api, database, AcceptFlagship + f)).ToList();

        await run.RunAsync(() => Task.WhenAll(flagships.Select(AcceptAllAsync)), Kills(random, maxCallsApart: 50, maxMillisecondsApart: 3000));

        var partnerships = await database.QueryAsync<(long Id, long MenteeId, long MentorId, long RequestId, string Status)>(
            "SELECT id, mentee_id, mentor_id, request_id, status FROM partnerships");
        var requests = await database.QueryAsync<(long Id, long MenteeId, long MentorId, string Status)>("SELECT id, mentee_id, mentor_id, status FROM mentor_requests");
        for (var f = 1; f <= AcceptFlagships; f++)
        {
            var capacity = f % 2 == 0 ? 2 : 1;
            Assert.Equal(capacity, partnerships.Count(p => p.MentorId == AcceptFlagship + f && p.Status == "Active"));
        }
        // Whole: an accepted request has its one partnership, and a partnership its whole rhythm of reminders.
        foreach (var request in requests)
        {
            var opened = partnerships.Where(p => p.RequestId == request.Id).ToList();
            Assert.Equal(request.Status == "Accepted" ? 1 : 0, opened.Count);
            Assert.Contains(request.Status, new[] { "Accepted", "Pending" });
        }
        foreach (var partnership in partnerships)
        {
            var kinds = await database.QueryAsync<string>(
                "SELECT kind FROM reminders WHERE subject_type = 'partnership' AND subject_id = @Id ORDER BY kind", new { partnership.Id });
            Assert.Equal(["checkin.prompt", "partnership.end", "partnership.prolong", "partnership.prolong", "partnership.stale", "partnership.stale"], kinds);
        }
        Report("mid-accept", seed, run, await Transcript.AssertNothingLostAsync(run.Api, database, run.Kills));
    }

    private static async Task AcceptAllAsync(FakeChat flagship)
    {
        await flagship.SendAsync("/requests");
        foreach (var accept in flagship.VisibleCallbackData($"{RequestCallback.Prefix}:acc:"))
        {
            await flagship.PressAsync(accept);
        }
    }

    // ---- Mid-broadcast ----

    private const int BroadcastRecipients = 300;
    private const long BroadcastCoordinator = 7900;
    private const long BroadcastYoung = 70000;

    [Theory]
    [InlineData(1)]
    public Task Killed_mid_broadcast_every_recipient_gets_the_announcement_once(int seed) => MidBroadcastAsync(seed);

    [SlowTheory]
    [Trait("Category", SlowTests.Category)]
    [MemberData(nameof(SlowSeeds))]
    public Task Killed_mid_broadcast_over_many_seeds(int seed) => MidBroadcastAsync(seed);

    /// <summary>A coordinator's announcement to the district's young directors, due now, written to the outbox in batches of 50.</summary>
    private async Task MidBroadcastAsync(int seed)
    {
        using var database = await BotDatabase.SeedAsync(async harness =>
        {
            var now = harness.Clock.GetUtcNow();
            await CoordinatorSeed.AddAsync(harness, BroadcastCoordinator, "dinskoy");
            for (var i = 1; i <= BroadcastRecipients; i++)
            {
                await DirectorBuilder.Young(BroadcastYoung + i).SaveAsync(harness);
            }
            await harness.InScopeAsync(services => services.GetRequiredService<AnnouncementRepository>().CreateAsync(new Announcement
            {
                CoordinatorId = BroadcastCoordinator,
                Kind = AnnouncementKind.Forum,
                Title = "Форум молодых директоров",
                StartsAt = now.AddDays(7),
                TimeZone = "Europe/Moscow",
                Place = "Дом культуры, ст. Динская",
                Description = "Программа & регистрация — <по ссылке>",
                Audience = new AnnouncementAudience { Role = AudienceRole.Young, Districts = ["dinskoy"] },
                Status = AnnouncementStatus.Scheduled,
                SendAt = now.AddMinutes(-1),
                CreatedAt = now.AddMinutes(-5),
            }));
        });
        var random = new Random(seed);
        await using var run = await CrashRun.StartAsync(seed, database, new Dictionary<string, string>
        {
            ["Announcements:TickInterval"] = "00:00:01",
            ["Announcements:BatchSize"] = "50",
            ["Announcements:ProgressEditInterval"] = "00:00:01",
            ["Outbound:GlobalMessagesPerSecond"] = "100",
        });

        await run.RunAsync(
            () => run.WaitUntilAsync(
                async db => await db.ScalarAsync<string>("SELECT status FROM announcements") == "Sent"
                    && await db.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0,
                "the broadcast finished and reported"),
            Kills(random, maxCallsApart: 150, maxMillisecondsApart: 4000));

        var counts = Assert.Single(await database.QueryAsync<(long Recipients, long Delivered, long Blocked, long Failed)>(
            "SELECT recipients, delivered, blocked, failed FROM announcements"));
        Assert.Equal((BroadcastRecipients, BroadcastRecipients, 0L, 0L), counts);
        Assert.Equal(BroadcastRecipients, await database.ScalarAsync<long>("SELECT COUNT(*) FROM announcement_recipients"));
        Assert.Equal(BroadcastRecipients, await database.ScalarAsync<long>("SELECT COUNT(DISTINCT chat_id) FROM outbox WHERE broadcast_id IS NOT NULL"));
        Assert.Equal(BroadcastRecipients, await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE broadcast_id IS NOT NULL"));
        for (var i = 1; i <= BroadcastRecipients; i++)
        {
            Assert.InRange(run.Api.DeliveredTo(BroadcastYoung + i).Count, 1, 1 + run.Kills);
        }
        Report("mid-broadcast", seed, run, await Transcript.AssertNothingLostAsync(run.Api, database, run.Kills));
    }

    // ---- Common ----

    /// <summary>One to three kills, each at a random point within the given distance of the previous start.</summary>
    private static KillPoints Kills(Random random, int maxCallsApart, int maxMillisecondsApart) =>
        new(random.Next(1, 4), maxCallsApart, maxMillisecondsApart);

    private void Report(string scenario, int seed, CrashRun run, Transcript transcript) =>
        output.WriteLine($"crash {scenario} seed={seed} kills={run.Kills} calls={run.Calls} messages={transcript.Messages} copies={transcript.Duplicates} lost=0");
}
