using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Features.Announcements;

/// <summary>A coordinator going through /announce by hand, and the broadcast job run as Quartz would run it.</summary>
public static class AnnouncementScript
{
    public const string Title = "Форум директоров-флагманов";
    /// <summary>Three weeks after the harness's clock starts (23.11.2026 10:00 in Moscow).</summary>
    public const string StartsAt = "15.12.2026 10:00";
    public const string Place = "ст. Динская, СОШ № 1, актовый зал";
    public const string Description = "Пленарное заседание, затем работа в секциях.\nВозьмите с собой план адресных мер.";

    /// <summary>Answers the questions about the event, up to the audience.</summary>
    public static async Task DescribeAsync(BotHarness bot, long coordinator, string title = Title)
    {
        await bot.SendTextAsync(coordinator, "/announce");
        await bot.PressAsync(coordinator, "Форум");
        await bot.SendTextAsync(coordinator, title);
        await bot.SendTextAsync(coordinator, StartsAt);
        await bot.SendTextAsync(coordinator, Place);
        await bot.SendTextAsync(coordinator, Description);
    }

    /// <summary>
    /// Answers every question up to the preview. <paramref name="districts"/> are pressed on the district step (a
    /// coordinator of one district has none), <paramref name="deficits"/> on the deficit step (none: no filter).
    /// </summary>
    public static async Task ToPreviewAsync(BotHarness bot, long coordinator, string audience, string[]? districts = null, string[]? deficits = null, string title = Title)
    {
        await DescribeAsync(bot, coordinator, title);
        await bot.PressAsync(coordinator, audience);
        if (districts is not null)
        {
            foreach (var district in districts)
            {
                await bot.PressAsync(coordinator, district);
            }
            await bot.PressAsync(coordinator, "Готово");
        }
        foreach (var deficit in deficits ?? [])
        {
            await bot.PressAsync(coordinator, deficit);
        }
        await bot.PressAsync(coordinator, deficits is { Length: > 0 } ? "Готово" : "Всем, без фильтра");
    }

    /// <summary>Announces and sends at once, then runs the broadcast to its end.</summary>
    public static async Task SendNowAsync(
        BotHarness bot, long coordinator, string audience, string[]? districts = null, string[]? deficits = null, string title = Title)
    {
        await ToPreviewAsync(bot, coordinator, audience, districts, deficits, title);
        await bot.PressAsync(coordinator, "Отправить сейчас");
        await bot.BroadcastAsync();
    }

    /// <summary>One run of the job writes the recipients; the outbox drains; the next run reports.</summary>
    public static async Task BroadcastAsync(this BotHarness bot)
    {
        var runner = bot.Services.GetRequiredService<BroadcastRunner>();
        await runner.RunAsync();
        await bot.DeliveredAsync();
        await runner.RunAsync();
        await bot.DeliveredAsync();
    }

    /// <summary>The chats that received the announcement with this title.</summary>
    public static IReadOnlyList<long> RecipientsOf(BotHarness bot, string title = Title) =>
        bot.Telegram.Messages.Where(m => !m.Edited && m.Text.StartsWith("📣", StringComparison.Ordinal) && m.Text.Contains(title, StringComparison.Ordinal))
            .Select(m => m.ChatId).Order().ToList();

    /// <summary>"4 847" as Russian formatting writes it, with a no-break space.</summary>
    public static string Number(int value) => value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("ru-RU"));
}
