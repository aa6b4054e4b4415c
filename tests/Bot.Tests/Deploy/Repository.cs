using System.Text.Json;

namespace MentorBot.Bot.Tests.Deploy;

/// <summary>The repository as checked out: the deploy files are read from it, and held against its layout.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static bool Exists(string relative) => File.Exists(PathOf(relative)) || Directory.Exists(PathOf(relative));

    /// <summary>A value of the root appsettings.json, by its configuration key (<c>Telegram:WebhookPath</c>).</summary>
    public static string Setting(string key)
    {
        using var settings = JsonDocument.Parse(Read("appsettings.json"));
        var element = settings.RootElement;
        foreach (var part in key.Split(':'))
        {
            element = element.GetProperty(part);
        }
        return element.ToString();
    }

    /// <summary>
    /// Whether an environment variable such as <c>Database__Path</c> names a key of appsettings.json; below an array
    /// (<c>Coordinators__Bootstrap__0__UserId</c>) any key is taken.
    /// </summary>
    public static bool IsSettingKey(string variable)
    {
        using var settings = JsonDocument.Parse(Read("appsettings.json"));
        var element = settings.RootElement;
        foreach (var part in variable.Split("__"))
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return true;
            }
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return false;
            }
        }
        return true;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MentorBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No MentorBot.sln above {AppContext.BaseDirectory}.");
    }
}
