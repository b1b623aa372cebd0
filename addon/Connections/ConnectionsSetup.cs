namespace ConnectAddon.Connections;

public static class ConnectionsSetup
{
    /// <summary>Connections and invitations (both roles), the admin API and the invitation routes of transport v1 (public role).</summary>
    public static IServiceCollection AddConnectionManagement(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapConnectionManagement(this IEndpointRouteBuilder routes) => routes;
}
