using System.Net;

namespace EndToEnd.Tests.Support;

/// <summary>One TCP socket that a process holds open: its two endpoints (IPv4-mapped IPv6 addresses written as IPv4), state and inode.</summary>
public sealed record TcpSocket(int ProcessId, IPEndPoint Local, IPEndPoint Remote, TcpState State, long Inode)
{
    /// <summary>True when this is a listening socket that accepts connections made to <paramref name="endpoint"/> (its address, or any address).</summary>
    public bool Accepts(IPEndPoint endpoint) =>
        State == TcpState.Listen && Local.Port == endpoint.Port
        && (Local.Address.Equals(endpoint.Address) || Local.Address.Equals(IPAddress.Any) || Local.Address.Equals(IPAddress.IPv6Any));

    public override string ToString() => $"pid {ProcessId}: {Local} -> {Remote} {State} (inode {Inode})";
}
