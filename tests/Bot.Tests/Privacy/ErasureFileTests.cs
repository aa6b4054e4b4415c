using System.Text;
using MentorBot.Bot.Persistence;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Privacy;

/// <summary>
/// After /delete_me no byte of the SQLite file, its WAL or a backup taken afterwards spells what the person typed:
/// deleted rows are zeroed (secure_delete) and the WAL is checkpointed and emptied; and no broadcast keeps their id.
/// </summary>
public sealed class ErasureFileTests : IDisposable
{
    private const long Young = 7101;
    private const long Coordinator = 7901;
    private const string Name = "Неповторимова Зинаида Эрастовна";

    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"mentorbot-erasure-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Erased_text_is_in_neither_the_database_file_nor_its_wal_nor_a_later_backup()
    {
        await using var bot = await BotHarness.StartAsync(provider: DatabaseProvider.Sqlite);
        await CoordinatorSeed.AddAsync(bot, Coordinator, "dinskoy");
        await RegistrationScript.RegisterYoungAsync(bot, Young, Name);
        await bot.SendTextAsync(Young, "/profile");
        var announcement = await BroadcastToAsync(bot, Young);
        await bot.DeliveredAsync();
        string[] needles = [Name, "Неповторимова", "МАОУ СОШ № 9", "Третий год директором, школа на 180 детей."];
        Assert.True(Found(bot.DatabasePath, needles).Count + Found(bot.DatabasePath + "-wal", needles).Count > 0, "the test must see the text before erasure");

        await bot.SendTextAsync(Young, "/delete_me");
        await bot.PressAsync(Young, "Да, удалить");
        await bot.DeliveredAsync();
        await SqliteBackup.CopyAsync(bot.DatabasePath, _backup, 1000);

        Assert.Empty(Found(bot.DatabasePath, needles));
        Assert.Empty(Found(bot.DatabasePath + "-wal", needles));
        Assert.Empty(Found(_backup, needles));
        Assert.NotEqual(Young, await bot.ScalarAsync<long>("SELECT enqueued_through FROM announcements WHERE id = @announcement", new { announcement }));
    }

    /// <summary>A broadcast whose last batch ended with the person, as the broadcast runner records it.</summary>
    private static async Task<long> BroadcastToAsync(BotHarness bot, long recipient)
    {
        var id = await AnnouncementSeed.SentForumAsync(bot, Coordinator, "dinskoy", [recipient]);
        Assert.Equal(recipient, await bot.ScalarAsync<long>("SELECT enqueued_through FROM announcements WHERE id = @id", new { id }));
        return id;
    }

    private static List<string> Found(string path, IEnumerable<string> needles)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        file.CopyTo(memory);
        var bytes = memory.ToArray();
        return needles.Where(n => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0).Select(n => $"{Path.GetFileName(path)}: {n}").ToList();
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_backup + suffix);
        }
    }
}
