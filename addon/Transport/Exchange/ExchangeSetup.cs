using ConnectAddon.Connections;
using ConnectAddon.Transport.Attachments;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectAddon.Transport.Exchange;

public static class ExchangeSetup
{
    /// <summary>
    /// The exchange's services on both roles: outbox, inbox, the per-process signal, and the public node's side of the
    /// route. Kept out of <see cref="TransportSetup.AddTransport"/> because they need the database, which the transport's
    /// info client does not. Idempotent, so the poller's setup and Program.cs may both call it.
    /// </summary>
    public static IServiceCollection AddExchange(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectionKeyProtector>();
        services.TryAddSingleton<ExchangeSignal>();
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<Inbox>();
        services.TryAddSingleton<ExchangeConnections>();
        services.TryAddSingleton<ExchangeAuthentication>();
        services.TryAddSingleton<ExchangeService>();
        services.AddOptions<ExchangeHoldOptions>().BindConfiguration("Exchange")
            .Validate(o => o.HeldRecheck >= TimeSpan.FromMilliseconds(100) && o.HeldRecheck <= TimeSpan.FromMinutes(1), "Exchange:HeldRecheck must be 100 ms to 1 minute")
            .ValidateOnStart();
        services.AddAttachments(); // attachment bytes travel between the same nodes under the same connection keys
        return services;
    }
}
