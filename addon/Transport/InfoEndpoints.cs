using ConnectAddon.Hosting;

namespace ConnectAddon.Transport;

public static class InfoEndpoints
{
    /// <summary>
    /// <c>GET /transport/v1/info</c> (DESIGN §6): who this node is and what it supports. Anonymous, because a node asks it
    /// before any connection exists; it says nothing that is not on the node's own Connections page.
    /// </summary>
    public static void MapTransportInfo(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/transport/v1/info", (AddonSettings settings) => Results.Json(Describe(settings)));

    public static NodeInfo Describe(AddonSettings settings) => new(
        $"{settings.Name} at {settings.BaseUrl.Host}",
        NodeVersion.Current,
        settings.Role == NodeRole.Private ? "private" : "public",
        SupportedConnectionTypes.All);
}
