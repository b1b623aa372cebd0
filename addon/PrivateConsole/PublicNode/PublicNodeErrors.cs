using ConnectAddon.Hosting;

namespace ConnectAddon.PrivateConsole.PublicNode;

/// <summary>How talking to a public node fails, as the console shows it.</summary>
public static class PublicNodeErrors
{
    /// <summary>No answer at all: the network, DNS, TLS or a timeout. Trying again later may help.</summary>
    public static ApiError Unreachable(Uri url, string reason) =>
        new(StatusCodes.Status502BadGateway, "public_node_unreachable", $"The public node at {url} could not be reached: {reason}");

    /// <summary>An answer this node cannot use: a server error, a redirect, or a body that is not what transport v1 says.</summary>
    public static ApiError Failed(Uri url, string reason) =>
        new(StatusCodes.Status502BadGateway, "public_node_error", $"The public node at {url} did not answer as expected: {reason}");

    /// <summary>
    /// The invitation names a public node this node may not call: an internal, loopback or link-local address, or a
    /// name that resolves to one. Nothing was sent there; a pasted code cannot turn this node into a scanner of its own network.
    /// </summary>
    public static ApiError Refused(Uri url, string reason) =>
        new(StatusCodes.Status400BadRequest, "public_node_refused",
            $"This node will not call the public node at {url.GetLeftPart(UriPartial.Authority)}: {reason.TrimEnd('.')}. " +
            "Check the invitation code with whoever sent it; if that node really is inside your network, your operator can list its network in Transport:AllowedNetworks.");

    /// <summary>Plain http to a public node, on a node that does not allow it.</summary>
    public static ApiError Insecure(Uri url) =>
        new(StatusCodes.Status400BadRequest, "public_node_insecure",
            $"The invitation points at {url}, which is not https; this node calls public nodes over https only (PrivateNode:AllowInsecurePublicNode is for development).");
}
