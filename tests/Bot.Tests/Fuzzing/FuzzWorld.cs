using System.Globalization;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Fuzzing;

/// <summary>
/// A seeded world to attack. The victims live in one district and never send anything during the fuzz: a coordinator
/// and their announcement (answered by a victim), a partnership with its plan, a pending request, a flagship waiting
/// for approval. The attackers live in another
/// district and do: a coordinator, young directors, flagships (approved and pending), and strangers who never
/// registered. Whatever the attackers send, the victims' rows must stay exactly as they were.
/// </summary>
public sealed class FuzzWorld
{
    public const string VictimDistrict = "goryachy-klyuch";
    public const string AttackerDistrict = "dinskoy";

    public const long VictimCoordinator = 9901;
    public const long VictimMentee = 9911;
    public const long VictimWaitingMentee = 9912;
    public const long VictimMentor = 9921;
    public const long VictimBusyMentor = 9922;
    public const long VictimApplicant = 9923;

    public const long AttackerCoordinator = 9801;
    public const long AttackerYoung = 9811;
    public const long AttackerOtherYoung = 9812;
    public const long AttackerFlagship = 9821;
    public const long AttackerApplicant = 9822;

    /// <summary>Columns that name the person a row belongs to or was made by; a row naming a victim is theirs.</summary>
    private static readonly string[] OwnerColumns =
        ["user_id", "mentee_id", "mentor_id", "recipient_id", "coordinator_id", "author_id", "requester_id", "host_id", "created_by", "reviewed_by", "proposed_by", "ended_by", "decided_by"];

    /// <summary>Who holds power over others: a row may go (a coordinator erases their data), none may be added.</summary>
    private static readonly string[] GrantTables = ["coordinators", "coordinator_districts"];

    /// <summary>Derived data the bot rebuilds for whoever searches, about everyone: not a person's own rows.</summary>
    private static readonly string[] CacheTables = ["network_search_index"];

    public static readonly long[] Victims = [VictimCoordinator, VictimMentee, VictimWaitingMentee, VictimMentor, VictimBusyMentor, VictimApplicant];

    public static readonly long[] Attackers = [AttackerCoordinator, AttackerYoung, AttackerOtherYoung, AttackerFlagship, AttackerApplicant];

    /// <summary>Never registered; the fuzz adds more at random.</summary>
    public static readonly long[] Strangers = [.. Enumerable.Range(9851, 10).Select(i => (long)i)];

    private FuzzWorld(IReadOnlyList<long> victimObjectIds, IReadOnlyList<string> victimButtons)
    {
        VictimObjectIds = victimObjectIds;
        VictimButtons = victimButtons;
    }

    /// <summary>Ids of the victims' requests, partnerships, plan items and announcements, for forged buttons to name.</summary>
    public IReadOnlyList<long> VictimObjectIds { get; }

    /// <summary>Buttons that only the victims were shown, for the attackers to replay.</summary>
    public IReadOnlyList<string> VictimButtons { get; }

    public static async Task<FuzzWorld> SeedAsync(BotHarness bot)
    {
        await CoordinatorSeed.AddAsync(bot, VictimCoordinator, VictimDistrict);
        await DirectorBuilder.Young(VictimMentee).Named("Жертвина Анна Павловна").InDistrict(VictimDistrict).WithDeficits("legal", "team").SaveAsync(bot);
        await DirectorBuilder.Young(VictimWaitingMentee).Named("Жертвин Олег Ильич").InDistrict(VictimDistrict).WithDeficits("staff").SaveAsync(bot);
        await DirectorBuilder.Flagship(VictimMentor).Named("Наставникова Вера Львовна").InDistrict(VictimDistrict).WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Flagship(VictimBusyMentor).Named("Занятов Пётр Ильич").InDistrict(VictimDistrict).WithStrengths("staff").WithCapacity(1).SaveAsync(bot);
        await DirectorBuilder.Flagship(VictimApplicant).Named("Заявкина Ольга Юрьевна").InDistrict(VictimDistrict).Pending().SaveAsync(bot);

        await bot.PressDataAsync(VictimMentee, $"req:new:{VictimMentor}");
        var request = await bot.ScalarAsync<long>("SELECT id FROM mentor_requests WHERE mentee_id = @VictimMentee", new { VictimMentee });
        await bot.PressDataAsync(VictimMentor, $"req:acc:{request}");
        var partnership = await bot.ScalarAsync<long>("SELECT id FROM partnerships WHERE mentee_id = @VictimMentee", new { VictimMentee });
        await bot.PressDataAsync(VictimMentor, $"ps:plan:{partnership}");
        await bot.SendTextAsync(VictimMentor, "Совместный педсовет");
        await bot.PressAsync(VictimMentor, "Вместе");
        await bot.SendTextAsync(VictimMentor, "20.12.2026");
        await bot.PressDataAsync(VictimWaitingMentee, $"req:new:{VictimBusyMentor}");
        // Paused, so that no attacker may legitimately send this flagship a request: any change to them is a breach.
        await bot.ScalarAsync<long>("UPDATE people SET is_available = 0 WHERE user_id = @VictimBusyMentor", new { VictimBusyMentor });

        // A forum a month ahead, sent by the victims' coordinator to the victims' young directors.
        var announcement = await AnnouncementSeed.SentForumAsync(bot, VictimCoordinator, VictimDistrict, [VictimMentee, VictimWaitingMentee], "Форум директоров Горячего Ключа");
        var rsvp = CallbackData.Build(RsvpCallback.Prefix, announcement, AnnouncementMessage.Yes);
        await bot.PressDataAsync(VictimMentee, rsvp);
        await bot.SendTextAsync(VictimCoordinator, "/announcements");

        await CoordinatorSeed.AddAsync(bot, AttackerCoordinator, AttackerDistrict);
        await DirectorBuilder.Young(AttackerYoung).Named("Нападова Ирина Сергеевна").WithDeficits("legal", "parents").SaveAsync(bot);
        await DirectorBuilder.Young(AttackerOtherYoung).Named("Хакеров Илья Петрович").WithDeficits("team").SaveAsync(bot);
        await DirectorBuilder.Flagship(AttackerFlagship).Named("Атакин Семён Львович").WithCapacity(3).SaveAsync(bot);
        await DirectorBuilder.Flagship(AttackerApplicant).Named("Претендентов Юрий Ильич").Pending().SaveAsync(bot);

        var objects = await bot.QueryAsync<long>(
            """
            SELECT id FROM mentor_requests WHERE mentee_id IN @Victims
            UNION SELECT id FROM partnerships WHERE mentee_id IN @Victims
            UNION SELECT id FROM plan_items WHERE partnership_id IN (SELECT id FROM partnerships WHERE mentee_id IN @Victims)
            UNION SELECT id FROM announcements WHERE coordinator_id IN @Victims
            """,
            new { Victims });
        return new FuzzWorld([.. objects, .. Victims], [rsvp, CallbackData.Build(RsvpCallback.Prefix, announcement, AnnouncementMessage.No)]);
    }

    /// <summary>
    /// Every row that belongs to a victim, in every table (found by its owner columns, so tables added later are covered
    /// too), with their partnerships' plans, meetings and check-ins; and the rows that grant power over others.
    /// </summary>
    public static async Task<WorldSnapshot> SnapshotAsync(BotHarness bot, IReadOnlyList<long>? victims = null)
    {
        victims ??= Victims;
        var victimRows = new List<string>();
        var grants = new List<string>();
        var tables = await bot.TablesAsync();
        foreach (var table in tables.Except(CacheTables))
        {
            var columns = await bot.ColumnsAsync(table);
            var owners = columns.Intersect(OwnerColumns).ToList();
            if (GrantTables.Contains(table))
            {
                grants.AddRange(await RowsAsync(bot, table, "1 = 1", victims));
            }
            else if (owners.Count > 0)
            {
                victimRows.AddRange(await RowsAsync(bot, table, string.Join(" OR ", owners.Select(c => $"\"{c}\" IN @Victims")), victims));
            }
            else if (columns.Contains("partnership_id"))
            {
                victimRows.AddRange(await RowsAsync(bot, table, "partnership_id IN (SELECT id FROM partnerships WHERE mentee_id IN @Victims OR mentor_id IN @Victims)", victims));
            }
            if (columns.Contains("announcement_id"))
            {
                // An answer or a recipient added to a victim's announcement is a change to it, whoever it names.
                victimRows.AddRange(await RowsAsync(bot, table, "announcement_id IN (SELECT id FROM announcements WHERE coordinator_id IN @Victims)", victims));
            }
        }
        return new WorldSnapshot(victimRows, grants);
    }

    private static async Task<IEnumerable<string>> RowsAsync(BotHarness bot, string table, string where, IReadOnlyList<long> victims)
    {
        // Table and column names come from the schema itself; the victims' ids are parameters.
        var rows = await bot.QueryAsync<dynamic>($"SELECT * FROM \"{table}\" WHERE {where} ORDER BY 1, 2", new { Victims = victims });
        return rows.Cast<IDictionary<string, object?>>()
            .Select(row => $"{table}: " + string.Join(" | ", row.Select(cell => $"{cell.Key}={Convert.ToString(cell.Value, CultureInfo.InvariantCulture)}")));
    }
}

/// <summary>The victims' rows, and the rows that grant power (coordinators and their districts).</summary>
public sealed record WorldSnapshot(IReadOnlyList<string> VictimRows, IReadOnlyList<string> Grants)
{
    /// <summary>Fails unless the victims' rows are as they were and no power was granted to anyone.</summary>
    public void AssertNoBreachSince(WorldSnapshot before)
    {
        var gone = before.VictimRows.Except(VictimRows).ToList();
        var changed = VictimRows.Except(before.VictimRows).ToList();
        Assert.True(gone.Count + changed.Count == 0,
            "The victims' rows changed.\nBefore:\n" + string.Join("\n", gone.Take(10)) + "\nAfter:\n" + string.Join("\n", changed.Take(10)));
        var granted = Grants.Except(before.Grants).ToList();
        Assert.True(granted.Count == 0, "Power was granted:\n" + string.Join("\n", granted));
    }
}
