using MentorBot.Bot.Conversations;
using MentorBot.Bot.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Features.Reporting;

public static class ReportingHostingExtensions
{
    /// <summary>The monthly district report: built on demand by /report and delivered each month as a reminder.</summary>
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<MonthlyReport>();
        services.AddCommand<ReportCommand>();
        services.AddCallback<ReportCallback>();
        services.AddReminderKind<MonthlyReportDelivery>();
        services.AddScoped<MonthlyReportPlanner>();
        return builder;
    }
}
