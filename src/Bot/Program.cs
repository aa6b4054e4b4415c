using MentorBot.Bot.Cli;
using MentorBot.Bot.Hosting;
using Microsoft.Extensions.Hosting;

if (CliCommands.Find(args) is { } command)
{
    return await CliRunner.RunAsync(command, args);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddMentorBot();
await builder.Build().RunAsync();
return 0;
