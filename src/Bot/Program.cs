using MentorBot.Bot.Cli;
using MentorBot.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (CliCommands.Find(args) is { } command)
{
    return await CliRunner.RunAsync(command, args);
}

try
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddMentorBot();
    var host = builder.Build();
    // Before the host starts, so a failure is this one line rather than the host's log of a failed start.
    await host.Services.GetRequiredService<StoredCatalogCheck>().RunAsync();
    var fatal = host.Services.GetRequiredService<FatalStop>();
    await host.RunAsync();
    if (fatal.Reason is { } reason)
    {
        await Console.Error.WriteLineAsync(reason);
        return 2;
    }
    return 0;
}
catch (Exception error) when (error is ConfigurationException or MentorBot.Bot.Telegram.BotApiStartupException)
{
    // The operator needs the key to fix, not a stack trace; 2 tells a supervisor that restarting will not help.
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}
catch (DatabaseUnavailableException error)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 1;
}
