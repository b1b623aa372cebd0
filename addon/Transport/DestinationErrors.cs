using ConnectAddon.Hosting;

namespace ConnectAddon.Transport;

/// <summary>The two ways reading another node can fail, as the contract names them (Connections/README.md).</summary>
public static class DestinationErrors
{
    /// <summary>The URL may not be reached at all: its scheme, its credentials, its address, or a redirect. Fixing the URL helps.</summary>
    public static ApiError Refused(string reason) =>
        new(StatusCodes.Status400BadRequest, "destination_refused", "The destination URL was refused: " + reason);

    /// <summary>The URL was allowed but no node answered usefully there. Trying again later may help.</summary>
    public static ApiError Unreachable(string reason) =>
        new(StatusCodes.Status502BadGateway, "destination_unreachable", "The destination could not be read: " + reason);
}
