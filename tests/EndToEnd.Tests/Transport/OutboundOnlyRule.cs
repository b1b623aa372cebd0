using System.Net;
using EndToEnd.Tests.Support;

namespace EndToEnd.Tests.Transport;

/// <summary>DESIGN §1 as a check over observed sockets: between a public and a private node, only the private node opens connections.</summary>
public static class OutboundOnlyRule
{
    /// <summary>
    /// The connections between the two processes that break the rule: any that is not the private process's, from a
    /// port it does not listen on, to the public process's <paramref name="publicEndpoint"/> (an unclassified one too).
    /// </summary>
    public static List<TcpConnection> Violations(IEnumerable<TcpConnection> betweenNodes, int publicNode, IPEndPoint publicEndpoint,
        int privateNode, IReadOnlySet<int> privateListeningPorts) =>
        betweenNodes.Where(c => !(c.Server is { } server && c.Client is { } client
            && server.ProcessId == publicNode && server.Local.Equals(publicEndpoint)
            && client.ProcessId == privateNode && !privateListeningPorts.Contains(client.Local.Port))).ToList();
}
