using System.Net;

namespace EndToEnd.Tests.Support;

/// <summary>The TCP sockets that some processes held at one moment, as <see cref="TcpSockets.Read"/> found them.</summary>
public sealed class TcpSnapshot(DateTimeOffset takenAt, IReadOnlyList<TcpSocket> sockets)
{
    public DateTimeOffset TakenAt { get; } = takenAt;
    public IReadOnlyList<TcpSocket> Sockets { get; } = sockets;

    public IEnumerable<TcpSocket> Of(int processId) => Sockets.Where(s => s.ProcessId == processId);

    public IEnumerable<TcpSocket> Listening(int processId) => Of(processId).Where(s => s.State == TcpState.Listen);

    /// <summary>True when <paramref name="processId"/> holds a listening socket that accepts connections made to <paramref name="endpoint"/>.</summary>
    public bool IsListenedOn(int processId, IPEndPoint endpoint) => Listening(processId).Any(l => l.Accepts(endpoint));

    /// <summary>
    /// Every connection with one end held by <paramref name="first"/> and the other by <paramref name="second"/> (the
    /// same process twice gives its connections to itself): two sockets whose local and remote endpoints mirror each
    /// other, in any state but listening. Each end is classified by whether its process listens on its local endpoint.
    /// </summary>
    public IReadOnlyList<TcpConnection> ConnectionsBetween(int first, int second)
    {
        var connections = new List<TcpConnection>();
        foreach (var a in Of(first).Where(s => s.State != TcpState.Listen))
            foreach (var b in Of(second).Where(s => s.State != TcpState.Listen))
            {
                if (first == second && a.Inode >= b.Inode)
                    continue; // a process's connection to itself: each pair once
                if (!a.Local.Equals(b.Remote) || !a.Remote.Equals(b.Local))
                    continue;
                var aListens = IsListenedOn(a.ProcessId, a.Local);
                var bListens = IsListenedOn(b.ProcessId, b.Local);
                connections.Add(new TcpConnection(a, b, aListens == bListens ? null : aListens ? a : b));
            }
        return connections;
    }
}
