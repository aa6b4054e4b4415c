using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Mentorship;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Bench;

public sealed record BenchDistrict(string Code, string Name, string Region, string TimeZone);

/// <summary>
/// The shape of a deployment: districts of 100 directors (25 flagships, 75 young), one coordinator per district, and
/// one regional coordinator per region. Ids are derived from positions, so every run of a scale sees the same world.
/// </summary>
public sealed class BenchWorld
{
    public const int PerDistrict = 100;
    public const int FlagshipsPerDistrict = 25;
    public const long FirstPerson = 10_000_000;
    public const long FirstCoordinator = 9_000_000;
    public const long FirstRegionalCoordinator = 9_500_000;

    private static readonly string[] Zones =
    [
        "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Krasnoyarsk",
        "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka",
    ];

    public BenchWorld(int people)
    {
        var districts = Math.Max(1, (people + PerDistrict - 1) / PerDistrict);
        Regions = people <= 3_000 ? 1 : 85;
        Districts = Enumerable.Range(0, districts).Select(d =>
        {
            var region = d % Regions;
            // Most regions are in Moscow time, as most of the country's schools are; the rest spread east and west.
            var zone = region % 3 == 0 ? Zones[region / 3 % Zones.Length] : "Europe/Moscow";
            return new BenchDistrict($"d{d:D4}", $"Район {d}", $"Регион {region}", zone);
        }).ToList();
        People = people;
    }

    public int People { get; }
    public int Regions { get; }
    public IReadOnlyList<BenchDistrict> Districts { get; }

    public long Person(int district, int index) => FirstPerson + district * PerDistrict + index;
    public static bool IsFlagshipIndex(int index) => index < FlagshipsPerDistrict;
    public long Coordinator(int district) => FirstCoordinator + district;
    public long RegionalCoordinator(int region) => FirstRegionalCoordinator + region;
    public int PeopleIn(int district) => Math.Min(PerDistrict, People - district * PerDistrict);
}

/// <summary>
/// Fills a database through the bot's own repositories and mentorship reminders, as a year of use would have left it:
/// profiles with their codes and consents, coordinators, pending requests, active partnerships with plans, meetings,
/// check-ins and their reminders, announcements with recipients and RSVPs, a year of sent messages in the outbox and a
/// week of handled update ids.
/// </summary>
public static class ScaleSeed
{
    private static readonly string[] Codes =
    [
        "quality", "transition", "standards", "upbringing", "staff", "team", "culture", "parents", "legal", "finance", "network",
        "projects", "digital", "research", "support", "preschool",
    ];

    /// <summary>Sent messages per person kept in the outbox (replies, reminders, notices of a year).</summary>
    public const int OutboxHistoryPerPerson = 20;
    /// <summary>Announcements per district over the year, each to the whole district.</summary>
    public const int AnnouncementsPerDistrict = 6;
    /// <summary>Active partnerships and pending requests per district (of its 75 young directors).</summary>
    public const int PartnershipsPerDistrict = 40;
    public const int PendingRequestsPerDistrict = 10;

    public static async Task RunAsync(IServiceProvider services, BenchWorld world, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var random = new Random(42);
        for (var region = 0; region < world.Regions; region++)
        {
            await InTransactionAsync(services, async scope => await scope.GetRequiredService<CoordinatorRepository>().UpsertAsync(
                new CoordinatorRecord(world.RegionalCoordinator(region), $"Региональный координатор {region}", $"Регион {region}", [], "bench"), now));
        }
        for (var d = 0; d < world.Districts.Count; d++)
        {
            var district = world.Districts[d];
            var people = world.PeopleIn(d);
            await InTransactionAsync(services, async scope =>
            {
                await scope.GetRequiredService<CoordinatorRepository>().UpsertAsync(
                    new CoordinatorRecord(world.Coordinator(d), $"Координатор {d}", null, [district.Code], "bench"), now);
                var consents = scope.GetRequiredService<ConsentRepository>();
                var profiles = scope.GetRequiredService<PeopleRepository>();
                for (var i = 0; i < people; i++)
                {
                    var profile = Profile(world.Person(d, i), i, district, random, now.AddDays(-random.Next(30, 365)));
                    await consents.RecordAsync(profile.UserId, "2025-01", profile.CreatedAt);
                    await profiles.SaveAsync(profile);
                }
            });
            await InTransactionAsync(services, scope => SeedMentorshipAsync(scope, world, d, people, random, now));
            await InTransactionAsync(services, scope => SeedAnnouncementsAsync(scope, world, d, people, random, now));
            await InTransactionAsync(services, scope => SeedHistoryAsync(scope, world, d, people, now));
        }
    }

    private static DirectorProfile Profile(long userId, int index, BenchDistrict district, Random random, DateTimeOffset createdAt)
    {
        var flagship = BenchWorld.IsFlagshipIndex(index);
        var codes = Codes.OrderBy(_ => random.Next()).ToArray();
        return new DirectorProfile
        {
            UserId = userId,
            Role = flagship ? DirectorRole.Flagship : DirectorRole.Young,
            Status = flagship ? ProfileStatus.Approved : ProfileStatus.Active,
            FullName = $"{(flagship ? "Флагманова" : "Молодцова")} Анна Сергеевна {userId}",
            Position = "директор",
            School = $"МБОУ СОШ № {index + 1}",
            District = district.Code,
            Settlement = $"ст. Поселение {index % 12}",
            SettlementKind = index % 3 == 0 ? SettlementKind.Urban : SettlementKind.Rural,
            SizeBand = (SizeBand)(index % 3),
            SchoolStatus = flagship ? SchoolStatus.None : (SchoolStatus)(index % 3),
            YearsAsDirector = flagship ? 8 + index % 20 : index % 4,
            Capacity = flagship ? 1 + index % 3 : 0,
            Note = flagship ? "Готов принять на стажировку, провести совместный педсовет и консультации по локальным актам." : "",
            Username = index % 4 == 0 ? null : $"director{userId}",
            Deficits = flagship ? [] : codes[..3],
            Strengths = flagship ? codes[..4] : [],
            Offers = flagship ? [] : codes[3..4],
            WantsToLearn = flagship ? codes[4..5] : [],
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }

    /// <summary>Young directors 25.. get mentors among the district's flagships, each within capacity; the next ten wait on a request.</summary>
    private static async Task SeedMentorshipAsync(IServiceProvider scope, BenchWorld world, int d, int people, Random random, DateTimeOffset now)
    {
        var requests = scope.GetRequiredService<MentorRequestRepository>();
        var partnerships = scope.GetRequiredService<PartnershipRepository>();
        var reminders = scope.GetRequiredService<MentorshipReminders>();
        var flagshipCount = Math.Min(BenchWorld.FlagshipsPerDistrict, people);
        var load = new int[flagshipCount];
        var young = BenchWorld.FlagshipsPerDistrict;
        for (var p = 0; p < PartnershipsPerDistrict && young < people; p++, young++)
        {
            var mentor = Enumerable.Range(0, flagshipCount).FirstOrDefault(f => load[f] < 1 + f % 3, -1);
            if (mentor < 0)
            {
                break;
            }
            load[mentor]++;
            var menteeId = world.Person(d, young);
            var mentorId = world.Person(d, mentor);
            var started = now.AddDays(-random.Next(20, 300));
            var requestId = (await requests.CreateAsync(menteeId, mentorId, RequestOrigin.Mentee, null, 0.8, "закрывает 2 из 3 дефицитов; тот же район", started, started.AddDays(3)))!.Value;
            await requests.CloseAsync(requestId, RequestStatus.Accepted, null, started);
            var startsOn = DateOnly.FromDateTime(started.UtcDateTime);
            var id = (await partnerships.OpenWithinCapacityAsync(menteeId, mentorId, requestId, 1 + mentor % 3, ["legal", "team", "parents"], startsOn, startsOn.AddMonths(12), started))!.Value;
            var partnership = (await partnerships.FindAsync(id))!;
            await reminders.SchedulePartnershipAsync(partnership, now, default);
            for (var item = 0; item < 3; item++)
            {
                await partnerships.AddPlanItemAsync(id, $"Совместный педсовет по теме {item + 1}", (PlanItemOwner)(item % 3), startsOn.AddMonths(2 + item * 3), menteeId, started);
            }
            foreach (var days in new[] { -14, 10 })
            {
                var meetingId = await partnerships.AddMeetingAsync(id, now.AddDays(days), MeetingFormat.Online, "обсудить план", mentorId, now.AddDays(Math.Min(days, 0) - 3));
                if (days > 0)
                {
                    await reminders.ScheduleAsync(partnership, meetingId, now.AddDays(days), default);
                }
            }
            for (var checkin = 0; checkin < 2; checkin++)
            {
                await partnerships.AddCheckinAsync(id, new Dictionary<string, int> { ["legal"] = 2 + checkin, ["team"] = 3, ["parents"] = 2 }, "понемногу продвигаемся", now.AddDays(-30 * (2 - checkin)));
            }
        }
        var requestReminders = scope.GetRequiredService<MentorshipReminders>();
        for (var r = 0; r < BenchWorld.PerDistrict && r < PendingRequestsPerDistrict && young < people; r++, young++)
        {
            var created = now.AddHours(-random.Next(1, 40));
            var requestId = await requests.CreateAsync(world.Person(d, young), world.Person(d, r % flagshipCount), RequestOrigin.Mentee, null, 0.7, "закрывает 2 из 3 дефицитов", created, created.AddDays(3));
            await requestReminders.ScheduleRequestAsync((await requests.FindAsync(requestId!.Value))!, default);
        }
    }

    private static async Task SeedAnnouncementsAsync(IServiceProvider scope, BenchWorld world, int d, int people, Random random, DateTimeOffset now)
    {
        var announcements = scope.GetRequiredService<AnnouncementRepository>();
        var outbox = scope.GetRequiredService<OutboxRepository>();
        var rsvps = scope.GetRequiredService<RsvpRepository>();
        var district = world.Districts[d];
        var recipients = Enumerable.Range(0, people).Select(i => world.Person(d, i)).ToList();
        for (var a = 0; a < AnnouncementsPerDistrict; a++)
        {
            var sentAt = now.AddDays(-60 * a - 5);
            var id = await announcements.CreateAsync(new Announcement
            {
                CoordinatorId = world.Coordinator(d),
                Kind = AnnouncementKind.Seminar,
                Title = $"Семинар директоров района {d}: управленческая команда",
                StartsAt = sentAt.AddDays(7),
                TimeZone = district.TimeZone,
                Place = "МБОУ СОШ № 1, актовый зал",
                Description = "Практикум по делегированию полномочий и работе с родителями. Регистрация по кнопке ниже.",
                Audience = new AnnouncementAudience { Role = AudienceRole.Everyone, Districts = [district.Code] },
                Status = AnnouncementStatus.Sent,
                SendAt = sentAt,
                CreatedAt = sentAt,
            });
            await announcements.AddRecipientsAsync(id, recipients, 0);
            await outbox.EnqueueBroadcastAsync(id, recipients.Select(r => new OutgoingMessage { ChatId = r, Text = "Приглашаем на семинар директоров района…" }), sentAt);
            foreach (var row in await scope.GetRequiredService<DbSession>().QueryAsync<long>(
                         "SELECT id FROM outbox WHERE broadcast_id = @Id AND status = 'pending'", new { Id = id }))
            {
                await outbox.MarkSentAsync(row, random.Next(1, 1_000_000), sentAt);
            }
            foreach (var recipient in recipients.Where(_ => random.Next(10) < 3))
            {
                await rsvps.AnswerAsync(id, recipient, random.Next(4) == 0 ? RsvpAnswer.No : RsvpAnswer.Yes, sentAt.AddHours(2));
            }
        }
    }

    /// <summary>A year of sent messages per person (their text is cleared once sent) and a week of handled update ids.</summary>
    private static async Task SeedHistoryAsync(IServiceProvider scope, BenchWorld world, int d, int people, DateTimeOffset now)
    {
        var outbox = scope.GetRequiredService<OutboxRepository>();
        var processed = scope.GetRequiredService<ProcessedUpdateRepository>();
        for (var i = 0; i < people; i++)
        {
            var person = world.Person(d, i);
            for (var m = 0; m < OutboxHistoryPerPerson; m++)
            {
                var at = now.AddDays(-18 * m - 1);
                var id = await outbox.EnqueueOneAsync(new OutgoingMessage { ChatId = person, Text = "Ваш профиль сохранён." }, at);
                await outbox.MarkSentAsync(id, m + 1, at);
            }
            for (var day = 0; day < 7; day++)
            {
                await processed.TryMarkAsync(100_000_000 + (person - BenchWorld.FirstPerson) * 7 + day, now.AddDays(-day));
            }
        }
    }

    public static async Task InTransactionAsync(IServiceProvider services, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.InTransactionAsync(async () =>
        {
            await work(scope.ServiceProvider);
            return 0;
        });
    }
}

/// <summary>Update ids for everything the bench hands the bot, unique within a database.</summary>
public static class UpdateIds
{
    private static int _next = 500_000_000;

    public static int Next() => Interlocked.Increment(ref _next);
}
