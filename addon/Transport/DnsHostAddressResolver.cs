using System.Net;

namespace ConnectAddon.Transport;

/// <summary>The system resolver. An IP literal comes back as itself, so numeric hosts meet the same address rule.</summary>
public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancel) => Dns.GetHostAddressesAsync(host, cancel);
}
