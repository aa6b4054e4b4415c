using System.Globalization;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Tests.Features.Mentorship;
using MentorBot.Bot.Tests.Privacy;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MentorBot.Bot.Tests.Fuzzing;

/// <summary>
/// Every button prefix the bot registers, pressed by people of one district with the ids of people and objects of a
/// neighbouring district of the same region and of another region: the buttons the bot really showed the attackers,
/// with each id in turn swapped for a victim's, and every prefix with every action word and victims' ids. Nothing of
/// the victims may change, nobody gains power, and no request or partnership joins two regions. A prefix added later
/// is attacked the same way without a change here.
/// </summary>
public sealed class CallbackScopeFuzzTests(ITestOutputHelper output)
{
    private const string Neighbour = "goryachy-klyuch";

    private const long Coordinator = 8801;
    private const long Young = 8811;
    private const long Flagship = 8821;

    private const long NeighbourCoordinator = 8701;
    private const long NeighbourYoung = 8711;
    private const long NeighbourMentee = 8712;
    private const long NeighbourApplicant = 8721;
    private const long NeighbourMentor = 8722;

    private const long FarCoordinator = 8601;
    private const long FarYoung = 8611;
    private const long FarWaiting = 8612;
    private const long FarFlagship = 8621;
    private const long FarApplicant = 8622;

    private static readonly long[] Attackers = [Coordinator, Young, Flagship];
    private static readonly long[] Victims =
        [NeighbourCoordinator, NeighbourYoung, NeighbourMentee, NeighbourApplicant, NeighbourMentor, FarCoordinator, FarYoung, FarWaiting, FarFlagship, FarApplicant];

    [Fact]
    public async Task Every_button_prefix_with_ids_of_other_districts_and_regions_changes_nothing_of_theirs()
    {
        var capture = new LogCapture();
        await using var bot = await BotHarness.StartAsync(OtherRegion.Add, capture.AddTo);
        var objectIds = await SeedAsync(bot);
        var routes = bot.Services.GetRequiredService<RouteTable>();
        await ShowEveryCommandAsync(bot, routes);
        await bot.DeliveredAsync();
        var before = await FuzzWorld.SnapshotAsync(bot, Victims);
        var ids = Victims.Concat(objectIds).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();

        var presses = new List<(long Sender, string Data)>();
        var shown = Attackers.SelectMany(a => bot.Telegram.In(a).SelectMany(m => m.Buttons).Select(b => (a, b.CallbackData)))
            .Where(p => p.CallbackData is not null).Select(p => (p.a, p.CallbackData!)).Distinct().ToList();
        foreach (var (sender, data) in shown)
        {
            var parts = data.Split(':');
            for (var i = 0; i < parts.Length; i++)
            {
                if (long.TryParse(parts[i], out _))
                {
                    presses.AddRange(ids.Select(id => (sender, string.Join(':', parts.Select((p, j) => j == i ? id : p)))));
                }
            }
        }
        var random = new Random(14);
        foreach (var prefix in routes.Callbacks.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var action in UpdateFuzzer.Actions)
            {
                var sender = Attackers[random.Next(Attackers.Length)];
                presses.Add((sender, $"{prefix}:{action}:{ids[random.Next(ids.Count)]}"));
                presses.Add((sender, $"{prefix}:{action}:{OwnOrVictim(random, ids)}:{ids[random.Next(ids.Count)]}"));
                presses.Add((sender, $"{prefix}:{action}:{ids[random.Next(ids.Count)]}:{OwnOrVictim(random, ids)}:{ids[random.Next(ids.Count)]}"));
            }
            presses.Add((Attackers[random.Next(Attackers.Length)], $"{prefix}:{ids[random.Next(ids.Count)]}"));
        }

        foreach (var (sender, data) in presses.Where(p => p.Data.Length <= 64))
        {
            await bot.PressDataAsync(sender, data);
        }
        await bot.DeliveredAsync();

        (await FuzzWorld.SnapshotAsync(bot, Victims)).AssertNoBreachSince(before);
        var crossing = await CrossRegionPairsAsync(bot);
        Assert.True(crossing.Count == 0, "Pairs across regions: " + string.Join(", ", crossing));
        var errors = capture.Lines.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors were logged, the first: {errors.FirstOrDefault()?.Text}");
        var prefixesShown = shown.Select(s => s.Item2.Split(':')[0]).Distinct().Count();
        output.WriteLine($"scope-fuzz prefixes={routes.Callbacks.Count} shown-prefixes={prefixesShown} shown-buttons={shown.Count} presses={presses.Count} breaches=0");
    }

    /// <summary>An attacker's own id beside a victim's makes pairs such as asg:p:own-young:far-flagship.</summary>
    private static string OwnOrVictim(Random random, IReadOnlyList<string> ids) =>
        random.Next(2) == 0 ? Attackers[random.Next(Attackers.Length)].ToString(CultureInfo.InvariantCulture) : ids[random.Next(ids.Count)];

    /// <summary>The victims' world; returns the ids of their requests, partnerships and announcements.</summary>
    private static async Task<IReadOnlyList<long>> SeedAsync(BotHarness bot)
    {
        await CoordinatorSeed.AddAsync(bot, NeighbourCoordinator, Neighbour);
        await DirectorBuilder.Young(NeighbourYoung).InDistrict(Neighbour).SaveAsync(bot);
        await DirectorBuilder.Young(NeighbourMentee).InDistrict(Neighbour).SaveAsync(bot);
        await DirectorBuilder.Flagship(NeighbourApplicant).InDistrict(Neighbour).Pending().SaveAsync(bot);
        await DirectorBuilder.Flagship(NeighbourMentor).InDistrict(Neighbour).WithCapacity(1).SaveAsync(bot);
        await bot.PressDataAsync(NeighbourMentee, $"req:new:{NeighbourMentor}");
        var request = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests WHERE mentee_id = @NeighbourMentee", new { NeighbourMentee });
        await bot.PressDataAsync(NeighbourMentor, $"req:acc:{request}");

        await CoordinatorSeed.AddAsync(bot, FarCoordinator, OtherRegion.District);
        await DirectorBuilder.Young(FarYoung).InDistrict(OtherRegion.District).SaveAsync(bot);
        await DirectorBuilder.Young(FarWaiting).InDistrict(OtherRegion.District).SaveAsync(bot);
        // Available with free places, the very flagship a forged request across regions would reach.
        await DirectorBuilder.Flagship(FarFlagship).InDistrict(OtherRegion.District).WithCapacity(3).SaveAsync(bot);
        await DirectorBuilder.Flagship(FarApplicant).InDistrict(OtherRegion.District).Pending().SaveAsync(bot);
        await bot.PressDataAsync(FarWaiting, $"req:new:{FarFlagship}");

        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await DirectorBuilder.Young(Young).WithDeficits("legal", "team").SaveAsync(bot);
        await DirectorBuilder.Flagship(Flagship).WithCapacity(3).SaveAsync(bot);

        return await bot.QueryAsync<long>(
            """
            SELECT id FROM mentor_requests WHERE mentee_id IN @Victims
            UNION SELECT id FROM partnerships WHERE mentee_id IN @Victims
            UNION SELECT id FROM announcements WHERE coordinator_id IN @Victims
            """,
            new { Victims });
    }

    /// <summary>Every command from every attacker, so that the bot shows them the buttons of as many prefixes as it can.</summary>
    private static async Task ShowEveryCommandAsync(BotHarness bot, RouteTable routes)
    {
        foreach (var attacker in Attackers)
        {
            foreach (var command in routes.Commands.Keys.Where(c => c is not ("delete_me" or "start")))
            {
                await bot.SendTextAsync(attacker, "/" + command);
                await bot.SendTextAsync(attacker, "/cancel");
            }
        }
    }

    private static async Task<IReadOnlyList<string>> CrossRegionPairsAsync(BotHarness bot)
    {
        var regions = bot.Services.GetRequiredService<Districts>().All.ToDictionary(d => d.Code, d => d.Region);
        var pairs = await bot.QueryAsync<(long Mentee, string MenteeDistrict, long Mentor, string MentorDistrict)>(
            """
            SELECT r.mentee_id, y.district, r.mentor_id, f.district FROM mentor_requests r
            JOIN people y ON y.user_id = r.mentee_id JOIN people f ON f.user_id = r.mentor_id
            UNION ALL SELECT p.mentee_id, y.district, p.mentor_id, f.district FROM partnerships p
            JOIN people y ON y.user_id = p.mentee_id JOIN people f ON f.user_id = p.mentor_id
            """);
        return pairs.Where(p => regions[p.MenteeDistrict] != regions[p.MentorDistrict]).Select(p => $"{p.Mentee}→{p.Mentor}").ToList();
    }
}
