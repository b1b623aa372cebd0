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
            .PostConfigure(ReadNetworkSettings)
            .Validate(o => o.InfoTimeout > TimeSpan.Zero && o.InfoTimeout <= TimeSpan.FromMinutes(2),
                "Transport:InfoTimeout must be more than 0 and at most 00:02:00")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<TransportOptions>, TransportOptionsValidator>());
        services.TryAddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddSingleton<DestinationUrlGuard>();
        services.AddHttpClient(DestinationClient)
            // NodeInfoClient's own deadline covers the body too, which HttpClient.Timeout would not with ResponseHeadersRead.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .UseDestinationGuard();
        services.AddSingleton<INodeInfoClient, NodeInfoClient>();
        return services;
    }

    /// <summary>A guarded client: every connection passes <see cref="DestinationUrlGuard.ConnectAsync"/>; over TCP only, since HTTP/3's QUIC would bypass it.</summary>
    public static IHttpClientBuilder UseDestinationGuard(this IHttpClientBuilder builder, TimeSpan? pooledConnectionLifetime = null) => builder
        .ConfigureHttpClient(client =>
        {
            client.DefaultRequestVersion = HttpVersion.Version11;
            client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        })
        .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<DestinationUrlGuard>().CreateHandler(pooledConnectionLifetime));

    private static void ReadNetworkSettings(TransportOptions options)
    {
        var problems = options.Problems;
        problems.Clear();
        options.Networks = NetworkList.Parse(NetworkList.Entries(options.AllowedNetworks), "Transport:AllowedNetworks", problems);
        options.Proxy = null;
        if (options.OutboundProxy is { Length: > 0 } proxyText)
        {
            if (Uri.TryCreate(proxyText, UriKind.Absolute, out var proxy) && proxy.Scheme is "http" or "https" && proxy.AbsolutePath == "/" && proxy.Query.Length == 0)
                options.Proxy = proxy;
            else
                problems.Add($"Transport:OutboundProxy '{proxyText}' is not a proxy URL such as http://proxy.example:3128");
        }
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
