using System.Net;
using System.Net.Sockets;
using ConnectAddon.Transport;

namespace ConnectAddon.Tests.Transport;

/// <summary>A DNS that answers what the test says: how a rebinding name, public at check time and loopback at connect, is played.</summary>
public sealed class FixedHostResolver(Dictionary<string, IPAddress[]> answers) : IHostAddressResolver
{
    public List<string> Asked { get; } = [];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancel)
    {
        Asked.Add(host);
        if (!answers.TryGetValue(host, out var addresses))
            return Dns.GetHostAddressesAsync(host, cancel); // IP literals only in these tests: no network is asked
        // No addresses: what the system resolver says of a name that does not exist.
        return addresses.Length > 0 ? Task.FromResult(addresses) : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
