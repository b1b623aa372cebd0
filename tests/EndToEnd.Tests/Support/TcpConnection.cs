namespace EndToEnd.Tests.Support;

/// <summary>
/// One TCP connection seen from both of its ends (each held by an observed process). <see cref="Server"/> is the end
/// that accepted it: the one whose local endpoint its own process listens on. It is null when that cannot be told
/// (neither end, or both, is on a listening endpoint of its process), which an assertion should treat as a finding.
/// </summary>
public sealed record TcpConnection(TcpSocket EndA, TcpSocket EndB, TcpSocket? Server)
{
    /// <summary>The end that opened the connection; null when <see cref="Server"/> is.</summary>
    public TcpSocket? Client => Server is null ? null : ReferenceEquals(Server, EndA) ? EndB : EndA;

    /// <summary>Both ends' inodes, lowest first: the same connection seen in several samples has the same identity.</summary>
    public (long, long) Identity => EndA.Inode < EndB.Inode ? (EndA.Inode, EndB.Inode) : (EndB.Inode, EndA.Inode);

    public override string ToString() => Server is null
        ? $"unclassified: [{EndA}] <-> [{EndB}]"
        : $"client [{Client}] -> server [{Server}]";
}
