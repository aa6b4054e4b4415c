using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Bot.Hosting;

/// <summary>
/// A hosted service that is stopped while the host is still starting (SIGTERM, the end of the console's input) ends
/// quietly: a service not yet started is skipped, and one cancelled halfway through its start is not a failure. Without
/// it the host logs "Hosting failed to start" at Error and the process ends with a stack trace.
/// </summary>
public sealed class QuietStartHostedService(IHostedService inner) : IHostedService, IAsyncDisposable
{
    private bool _skipped;

    public IHostedService Inner => inner;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            _skipped = true;
            return;
        }
        try
        {
            await inner.StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _skipped ? Task.CompletedTask : inner.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}

public static class QuietStartServiceCollectionExtensions
{
    /// <summary>Wraps every hosted service registered so far in <see cref="QuietStartHostedService"/>.</summary>
    public static IServiceCollection StopQuietlyWhileStarting(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService)
            {
                continue;
            }
            services[i] = ServiceDescriptor.Singleton<IHostedService>(provider => new QuietStartHostedService(descriptor switch
            {
                { ImplementationInstance: IHostedService instance } => instance,
                { ImplementationFactory: { } factory } => (IHostedService)factory(provider),
                _ => (IHostedService)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!),
            }));
        }
        return services;
    }
}
