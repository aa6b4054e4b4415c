using System.Runtime.InteropServices;
using MentorBot.Bot.Cli;
using MentorBot.Bot.Hosting;
using MentorBot.Bot.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (CliCommands.Find(args) is { } command)
{
    return await CliRunner.RunAsync(command, args);
}

// Until the host's own console lifetime listens, a SIGTERM or Ctrl+C would kill the process with a signal's exit code;
// from the first line it only asks the host to stop (or not to start).
using var stop = new CancellationTokenSource();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopEarly);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopEarly);

try
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddMentorBot();
    builder.Services.StopQuietlyWhileStarting();
    var host = builder.Build();
    // Before the host starts, so a failure is this one line rather than the host's log of a failed start.
    await host.Services.GetRequiredService<StoredCatalogCheck>().RunAsync(stop.Token);
    var fatal = host.Services.GetRequiredService<FatalStop>();
    await host.RunAsync(stop.Token);
    if (fatal.Reason is { } reason)
    {
        await Console.Error.WriteLineAsync(reason);
        return 2;
    }
    return 0;
}
catch (OperationCanceledException)
{
    // A stop asked for while the host was still starting (SIGTERM, the end of the console's input) is a clean exit.
    return 0;
}
catch (Exception error) when (error is ConfigurationException or BotApiStartupException)
{
    // The operator needs the key to fix, not a stack trace; 2 tells a supervisor that restarting will not help.
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}
catch (DatabaseUnavailableException error)
{
    // 1: the database may come back (a mount, a permission), so a supervisor may restart.
    await Console.Error.WriteLineAsync(error.Message);
    return 1;
}

void StopEarly(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
