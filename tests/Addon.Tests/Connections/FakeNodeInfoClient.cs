using ConnectAddon.Hosting;
using ConnectAddon.Transport;

namespace ConnectAddon.Tests.Connections;

/// <summary>A destination node's info as the test decides it, in place of the guarded HTTP client; records the URLs asked.</summary>
public sealed class FakeNodeInfoClient(Result<NodeInfo> answer) : INodeInfoClient
{
    public List<string> Asked { get; } = [];

    public Task<Result<NodeInfo>> GetInfoAsync(string destinationUrl, CancellationToken cancel)
    {
        Asked.Add(destinationUrl);
        return Task.FromResult(answer);
    }
}
