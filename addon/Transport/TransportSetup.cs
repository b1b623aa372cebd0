using System.Net;
using ConnectAddon.Hosting;
using ConnectAddon.Transport.Attachments;
using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectAddon.Transport;

public static class TransportSetup
{
    /// <summary>The HTTP client for URLs an admin typed: it connects only through <see cref="DestinationUrlGuard"/>.</summary>
    public const string DestinationClient = "transport-destination";

    /// <summary>Node-to-node protocol v1: <c>/transport/v1/info</c>, and the guarded client that reads a destination's info.</summary>
    public static IServiceCollection AddTransport(this IServiceCollection services)
    {
        services.AddOptions<TransportOptions>().BindConfiguration(TransportOptions.Section)
            .Validate(o => o.InfoTimeout > TimeSpan.Zero && o.InfoTimeout <= TimeSpan.FromMinutes(2),
                "Transport:InfoTimeout must be more than 0 and at most 00:02:00")
            .ValidateOnStart();
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddSingleton<DestinationUrlGuard>();
        services.AddHttpClient(DestinationClient)
            // NodeInfoClient's own deadline covers the body too, which HttpClient.Timeout would not with ResponseHeadersRead.
            .ConfigureHttpClient(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                // HTTP/3 runs over QUIC, which never passes through the guard's connect callback: stay on TCP.
                client.DefaultRequestVersion = HttpVersion.Version11;
                client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<DestinationUrlGuard>().CreateHandler());
        services.AddSingleton<INodeInfoClient, NodeInfoClient>();
        return services;
    }

    public static IEndpointRouteBuilder MapTransport(this IEndpointRouteBuilder routes)
    {
        routes.MapTransportInfo();
        if (routes.ServiceProvider.GetRequiredService<AddonSettings>().Role == NodeRole.Public)
        {
            routes.MapExchange(); // its services: ExchangeSetup.AddExchange (which needs Storage and Connections)
            routes.MapAttachments(); // likewise, through AttachmentSetup.AddAttachments
        }
        return routes;
    }
}
