using ConnectAddon.Hosting;

namespace ConnectAddon.Transport;

/// <summary>
/// Reads another node's <c>/transport/v1/info</c> from a URL an admin typed, through the destination URL guard
/// (DESIGN §9): a refused URL is a 400 <c>destination_refused</c>, an unreachable node a 502 <c>destination_unreachable</c>.
/// </summary>
public interface INodeInfoClient
{
    Task<Result<NodeInfo>> GetInfoAsync(string destinationUrl, CancellationToken cancel);
}
