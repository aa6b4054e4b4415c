using MentorBot.Bot.Persistence;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.ConsoleChat;

/// <summary>
/// The terminal chat: each line you type becomes an update for the same handlers and database the Telegram bot uses.
/// "#N" presses a button, "/as ID [name]" makes you another person, and the end of input stops the bot.
/// </summary>
public sealed class ConsoleChatReceiver(
    ConsoleScreen screen,
    ConsoleInput input,
    UpdateBatchHandler updates,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<ConsoleChatOptions> options,
    TimeProvider clock) : BackgroundService
{
    public const string Banner =
        "MentorBot в режиме локального чата. Чтобы подключить настоящего бота, задайте токен от @BotFather: " +
        "переменная окружения Telegram__BotToken или ключ Telegram:BotToken в appsettings.json.";

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Continues after the highest id recorded: ids must never repeat across runs, since processed ids are remembered.</summary>
    private int _lastUpdateId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var me = new User { Id = options.Value.UserId, FirstName = options.Value.FirstName };
        await using (var scope = scopes.CreateAsyncScope())
        {
            _lastUpdateId = (int)await scope.ServiceProvider.GetRequiredService<ProcessedUpdateRepository>().LatestIdAsync(stoppingToken);
        }
        screen.ShowNote(Banner);
        screen.ShowNote($"Вы — пользователь {me.Id} ({me.FirstName}). Наберите /start. Кнопки: #1, #2… Сменить пользователя: /as ID [имя]. Выход: /quit или конец ввода.");

        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await input.ReadLineAsync(stoppingToken);
            if (line is null || line.Trim() == "/quit")
            {
                await DrainOutboxAsync(stoppingToken);
                lifetime.StopApplication();
                return;
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("/as ", StringComparison.Ordinal))
            {
                me = SwitchUser(line, me);
                continue;
            }
            var update = line.StartsWith('#') && int.TryParse(line[1..], out var number)
                ? PressButton(me, number)
                : new Update { Id = NextUpdateId(), Message = Typed(me, line) };
            if (update is not null)
            {
                await updates.HandleOneAsync(update, stoppingToken);
                // The answer is on screen before the next line is read, so "#1" presses the button just shown.
                await DrainOutboxAsync(stoppingToken);
            }
        }
    }

    private User SwitchUser(string line, User current)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !long.TryParse(parts[1], out var id) || id <= 0)
        {
            screen.ShowNote("Формат: /as ID [имя], например /as 2002 Ирина");
            return current;
        }
        var user = new User { Id = id, FirstName = parts.Length > 2 ? parts[2] : $"Пользователь {id}" };
        screen.ShowNote($"Теперь вы — пользователь {user.Id} ({user.FirstName}).");
        return user;
    }

    private Update? PressButton(User me, int number)
    {
        if (screen.FindButton(me.Id, number) is not var (messageId, button))
        {
            screen.ShowNote($"Кнопки #{number} нет в последнем сообщении с кнопками.");
            return null;
        }
        if (button.CallbackData is null)
        {
            screen.ShowNote($"Это ссылка: {button.Url}");
            return null;
        }
        return new Update
        {
            Id = NextUpdateId(),
            CallbackQuery = new CallbackQuery
            {
                Id = Guid.NewGuid().ToString("N"),
                From = me,
                Data = button.CallbackData,
                Message = new Message { Id = messageId, Chat = PrivateChat(me), Date = Now(), ReplyMarkup = new InlineKeyboardMarkup() },
            },
        };
    }

    private Message Typed(User me, string text) => new()
    {
        Id = screen.NextMessageId(),
        From = me,
        Chat = PrivateChat(me),
        Date = Now(),
        Text = text,
    };

    private static Chat PrivateChat(User me) => new() { Id = me.Id, Type = ChatType.Private };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private int NextUpdateId() => Interlocked.Increment(ref _lastUpdateId);

    /// <summary>Waits until everything the bot wrote so far is on screen.</summary>
    private async Task DrainOutboxAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + DrainTimeout;
        while (clock.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                // A row is marked sent only after the console printed it.
                if (await scope.ServiceProvider.GetRequiredService<OutboxRepository>().PendingCountAsync(cancellationToken) == 0)
                {
                    return;
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), clock, cancellationToken);
        }
    }
}

/// <summary>Standard input, read so that stopping the bot never waits on a blocked read.</summary>
public sealed class ConsoleInput(TextReader reader)
{
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(reader.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
        }
        catch (IOException)
        {
            // A closed or missing standard input is the end of input.
            return null;
        }
    }
}
