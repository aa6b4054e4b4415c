using System.Globalization;
using MentorBot.Bot.Features.Profiles;

namespace MentorBot.Bot.Tests.Reliability;

/// <summary>
/// Registers one person through the real dialog, choosing each answer at random from what the chat shows (any
/// district, any 1–5 deficits in any priority…), and remembers the choices so that the stored profile can be checked
/// against them.
/// </summary>
public sealed class RegistrationWalk(FakeChat chat, Random random)
{
    private static readonly string[] Names = ["Иванова Мария Петровна", "Петров Сергей Иванович", "Ким Ольга Сергеевна", "О'Нил Анна", "Сидоренко-Белая Вера Ильинична"];
    private static readonly string[] NavigationValues = ["<", "x", "done", "skip", "reset"];

    public DirectorRole Role { get; } = random.Next(2) == 0 ? DirectorRole.Young : DirectorRole.Flagship;
    public string FullName { get; private set; } = "";
    public List<string> DeficitsInPriority { get; } = [];
    public HashSet<string> Strengths { get; } = [];
    public HashSet<string> Offers { get; } = [];
    public HashSet<string> Wants { get; } = [];
    public int Capacity { get; private set; }
    public string Note { get; private set; } = "";

    public long UserId => chat.UserId;

    public async Task RunAsync()
    {
        await chat.SendAsync("/start");
        await chat.PressAsync("consent:y");
        await chat.PressAsync(Role == DirectorRole.Young ? "role:young" : "role:flagship");
        while (true)
        {
            var step = chat.NewestButtons("reg:").Select(b => b.CallbackData!.Split(':')[1]).FirstOrDefault()
                ?? throw new InvalidOperationException($"Chat {UserId} shows no registration step.");
            switch (step)
            {
                case "name":
                    FullName = Names[random.Next(Names.Length)];
                    await chat.SendAsync(FullName);
                    break;
                case "position":
                    await chat.SendAsync(random.Next(2) == 0 ? "директор" : "и. о. директора");
                    break;
                case "school":
                    await chat.SendAsync($"МБОУ СОШ № {random.Next(1, 99)}");
                    break;
                case "settlement":
                    await chat.SendAsync(random.Next(2) == 0 ? "ст. Динская" : "г. Горячий Ключ");
                    break;
                case "years":
                    await chat.SendAsync(random.Next(0, 40).ToString(CultureInfo.InvariantCulture));
                    break;
                case "deficits":
                    await SelectAsync(step, DeficitsInPriority, random.Next(1, 6));
                    break;
                case "priority":
                    await RankAsync();
                    break;
                case "strengths":
                    await SelectAsync(step, Strengths, random.Next(1, 5));
                    break;
                case "offers":
                    await SelectAsync(step, Offers, random.Next(0, 4));
                    break;
                case "wants":
                    await SelectAsync(step, Wants, random.Next(0, 4));
                    break;
                case "capacity":
                    Capacity = int.Parse(await ChooseAsync(step), CultureInfo.InvariantCulture);
                    break;
                case "note" when random.Next(2) == 0:
                    await chat.PressAsync("reg:note:skip");
                    break;
                case "note":
                    Note = $"Заметка {random.Next(1000)}: <b>не</b> разметка & «кавычки»";
                    await chat.SendAsync(Note);
                    break;
                case "confirm":
                    await chat.PressAsync("reg:confirm:done");
                    return;
                default:
                    // district, settlement kind, school size, school status: any of the offered choices.
                    await ChooseAsync(step);
                    break;
            }
        }
    }

    private IReadOnlyList<string> Options(string step) =>
        chat.NewestButtons($"reg:{step}:").Select(b => b.CallbackData!.Split(':')[2]).Where(v => !NavigationValues.Contains(v)).ToList();

    private async Task<string> ChooseAsync(string step)
    {
        var options = Options(step);
        var choice = options[random.Next(options.Count)];
        await chat.PressAsync($"reg:{step}:{choice}");
        return choice;
    }

    private async Task SelectAsync(string step, ICollection<string> chosen, int count)
    {
        foreach (var code in Options(step).OrderBy(_ => random.Next()).Take(count).ToList())
        {
            chosen.Add(code);
            await chat.PressAsync($"reg:{step}:{code}");
        }
        await chat.PressAsync($"reg:{step}:done");
    }

    /// <summary>Ranks the chosen deficits in a random order, which becomes their priority.</summary>
    private async Task RankAsync()
    {
        var order = DeficitsInPriority.OrderBy(_ => random.Next()).ToList();
        foreach (var code in order)
        {
            await chat.PressAsync($"reg:priority:{code}");
        }
        DeficitsInPriority.Clear();
        DeficitsInPriority.AddRange(order);
    }
}
