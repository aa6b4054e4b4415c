using System.Text.RegularExpressions;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Features.Networking;

public sealed partial class ForumLinkTests
{
    private const long Coordinator = 3790;
    private const long OtherCoordinator = 3791;
    private const long Guest = 3701;

    private static async Task<BotHarness> StartAsync()
    {
        var bot = await BotHarness.StartAsync();
        await CoordinatorSeed.AddAsync(bot, Coordinator, "goryachy-klyuch");
        await CoordinatorSeed.AddAsync(bot, OtherCoordinator, "dinskoy");
        return bot;
    }

    private static async Task<string> CreateLinkAsync(BotHarness bot, string role, string days = "7 дней")
    {
        await bot.SendTextAsync(Coordinator, "/forum_link");
        await bot.PressAsync(Coordinator, role);
        await bot.PressAsync(Coordinator, "Горячий Ключ");
        await bot.PressAsync(Coordinator, days);
        var text = bot.TextsIn(Coordinator).Last(t => t.Contains("Ссылка для форума", StringComparison.Ordinal));
        var match = LinkPattern().Match(text);
        Assert.True(match.Success, text);
        return match.Groups[1].Value;
    }

    private static async Task RegisterYoungFromLinkAsync(BotHarness bot, long userId, string payload)
    {
        await RegistrationScript.ConsentAsync(bot, userId, payload);
        await RegistrationScript.SchoolDataAsync(bot, userId, "Смирнова Ольга Викторовна", districtPreset: true);
        await bot.PressAsync(userId, "Правовые вопросы");
        await bot.PressAsync(userId, "Готово");
        await bot.PressAsync(userId, "Пропустить");
        await bot.PressAsync(userId, "Пропустить");
        await bot.PressAsync(userId, "Сохранить");
    }

    [Fact]
    public async Task The_coordinator_gets_a_link_and_its_QR_code_as_a_PNG()
    {
        await using var bot = await StartAsync();

        var payload = await CreateLinkAsync(bot, "Молодых директоров");

        Assert.StartsWith("forum_", payload, StringComparison.Ordinal);
        var qr = Assert.Single(bot.Telegram.Documents);
        Assert.Equal(Coordinator, qr.ChatId);
        Assert.EndsWith(".png", qr.FileName, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], qr.Content.Take(4).ToArray());
        Assert.True(qr.Content.Length > 200);
    }

    [Fact]
    public async Task A_young_director_registers_straight_into_the_links_role_and_district()
    {
        await using var bot = await StartAsync();
        var payload = await CreateLinkAsync(bot, "Молодых директоров");

        await RegisterYoungFromLinkAsync(bot, Guest, payload);
        await RegisterYoungFromLinkAsync(bot, Guest + 1, payload);

        Assert.Equal([("Young", "Active", "goryachy-klyuch"), ("Young", "Active", "goryachy-klyuch")],
            await bot.QueryAsync<(string, string, string)>("SELECT role, status, district FROM people ORDER BY user_id"));
        var seen = string.Join("\n", bot.TextsIn(Guest));
        Assert.Contains("Регистрация по ссылке форума", seen);
        Assert.DoesNotContain("Кто вы?", seen);
        Assert.DoesNotContain("муниципальный район", seen);
        Assert.Contains("Анкета сохранена", bot.LastText(Guest));
    }

    [Fact]
    public async Task A_flagship_link_registers_a_flagship_who_still_awaits_approval()
    {
        await using var bot = await StartAsync();
        var payload = await CreateLinkAsync(bot, "Директоров-флагманов");

        await RegistrationScript.RegisterFlagshipAsync(bot, Guest, inviteCode: payload);

        Assert.Equal(("Flagship", "Pending", "goryachy-klyuch"),
            (await bot.QueryAsync<(string, string, string)>("SELECT role, status, district FROM people")).Single());
        Assert.Contains("Новая заявка директора-флагмана", bot.LastText(Coordinator));
    }

    [Fact]
    public async Task A_revoked_or_expired_link_registers_no_one()
    {
        await using var bot = await StartAsync();
        var revoked = await CreateLinkAsync(bot, "Молодых директоров");
        var linkId = await bot.ScalarAsync<long>("SELECT id FROM forum_links WHERE code = @revoked", new { revoked });
        await bot.PressDataAsync(OtherCoordinator, $"fl:rev:{linkId}");
        Assert.Contains("недоступна", bot.Telegram.CallbackAnswers.Last().Text);
        await bot.SendTextAsync(Guest, $"/start {revoked}");
        Assert.Contains("Согласен", string.Join(" ", bot.Telegram.In(Guest).Last().Buttons.Select(b => b.Text)));

        await bot.PressAsync(Coordinator, "Отозвать ссылку");
        Assert.Contains("Её открыли 1 раз.", bot.Telegram.CallbackAnswers.Last().Text);
        await bot.SendTextAsync(Guest + 1, $"/start {revoked}");
        await bot.PressAsync(Guest, "Согласен");

        var expiring = await CreateLinkAsync(bot, "Молодых директоров", "1 день");
        bot.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await bot.SendTextAsync(Guest + 2, $"/start {expiring}");

        Assert.Contains("недействительна", bot.LastText(Guest));
        Assert.Contains("недействительна", bot.LastText(Guest + 1));
        Assert.Contains("недействительна", bot.LastText(Guest + 2));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM people"));
    }

    [Fact]
    public async Task Only_coordinators_make_links_and_only_for_their_own_districts()
    {
        await using var bot = await StartAsync();
        await DirectorBuilder.Flagship(3702).SaveAsync(bot);

        await bot.SendTextAsync(3702, "/forum_link");
        await bot.SendTextAsync(Coordinator, "/forum_link");
        await bot.PressAsync(Coordinator, "Молодых директоров");
        await bot.PressDataAsync(Coordinator, "forumlink:district:dinskoy");

        Assert.Contains("недоступна", bot.LastText(3702));
        Assert.Equal(0L, await bot.ScalarAsync<long>("SELECT COUNT(*) FROM forum_links"));
    }

    [GeneratedRegex(@"https://t\.me/mentorbot_test\?start=(forum_[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}
