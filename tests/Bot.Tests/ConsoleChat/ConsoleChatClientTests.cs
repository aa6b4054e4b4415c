using MentorBot.Bot.ConsoleChat;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.Options;

namespace MentorBot.Bot.Tests.ConsoleChat;

public sealed class ConsoleChatClientTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mentorbot-console-{Guid.NewGuid():N}");

    [Fact]
    public async Task Photos_and_documents_are_saved_under_the_files_directory_and_their_path_printed()
    {
        var output = new StringWriter();
        var client = new ConsoleChatClient(new ConsoleScreen(output), Options.Create(new ConsoleChatOptions { FilesDirectory = _directory }));

        await client.SendPhotoAsync(1001, new OutgoingFile("coverage.png", [1, 2, 3]), "Покрытие");
        await client.SendDocumentAsync(1001, new OutgoingFile("../report.xlsx", [4, 5]), "Отчёт");

        var photo = Path.Combine(_directory, "coverage.png");
        var document = Path.Combine(_directory, "report.xlsx");
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(photo));
        Assert.Equal([4, 5], await File.ReadAllBytesAsync(document));
        Assert.Contains($"изображение сохранено: {photo}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"файл сохранён: {document}", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
