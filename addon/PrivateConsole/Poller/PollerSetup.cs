using ConnectAddon.Transport;
using ConnectAddon.Transport.Exchange;

namespace ConnectAddon.PrivateConsole.Poller;

public static class PollerSetup
{
    /// <summary>
    /// The exchange poller (Transport/README.md): one long-poll per connection, outbound only. Registered for every
    /// role like the rest of the console; <see cref="ExchangePoller"/> does nothing on a public node.
    /// </summary>
    public static IServiceCollection AddExchangePoller(this IServiceCollection services)
    {
        // Outbox, inbox and signal; called here because AddPrivateConsole runs on every role, so the public node's
        // exchange route gets them too. Program.cs may call AddExchange itself: it is idempotent.
        services.AddExchange();
        services.AddOptions<ExchangePollerOptions>().BindConfiguration(ExchangePollerOptions.Section)
            .Validate(o => o.WaitSeconds is >= 0 and <= ExchangeLimits.MaxWaitSeconds, "PrivateNode:Exchange:WaitSeconds must be between 0 and 50")
            .Validate(o => o.MinBackoff > TimeSpan.Zero && o.MaxBackoff >= o.MinBackoff, "PrivateNode:Exchange:MinBackoff must be more than 0 and at most MaxBackoff")
            .Validate(o => o.ConnectionRefresh > TimeSpan.Zero, "PrivateNode:Exchange:ConnectionRefresh must be more than 0");
        services.AddHttpClient(ExchangeClient.HttpClientName)
            .ConfigureHttpClient(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // ExchangeClient's deadline: the wait plus PrivateNode:PublicNodeTimeout
                client.MaxResponseContentBufferSize = ExchangeLimits.MaxBodyBytes;
            })
            // Outbound only, to the URL the invitation named, where the destination guard allows: no redirects, no cookies.
            // The long-poll keeps its connection for a quarter of an hour before the name is resolved and checked again.
            .UseDestinationGuard(pooledConnectionLifetime: TimeSpan.FromMinutes(15))
            // Kept for good: the pooled connection lifetime above is what ends a connection so that the guard checks
            // the name again. The factory's default, a new handler every 2 minutes, meant a new pool and so a new
            // connection every 2 minutes besides, checking nothing more (issue 14 item 9; with a pooled connection
            // lifetime the handler lifetime may be infinite: "HttpClient guidelines for .NET", learn.microsoft.com).
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<ExchangeClient>();
        services.AddSingleton<PollTargets>();
        services.AddSingleton<ConnectionPoll>();
        services.AddHostedService<ExchangePoller>();
        return services;
    }
}
