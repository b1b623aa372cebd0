using System.Globalization;
using System.Net;

namespace EndToEnd.Tests.Support;

/// <summary>
/// Reads which TCP sockets processes hold, from Linux's <c>/proc</c>, without trusting anyone's configuration: the
/// kernel's socket tables (<c>/proc/net/tcp</c>, <c>/proc/net/tcp6</c>) give each socket's endpoints, state and inode,
/// and <c>/proc/&lt;pid&gt;/fd</c> (each descriptor a link to <c>socket:[inode]</c>) tells whose socket it is.
/// Sockets that no observed process holds (other processes', TIME_WAIT leftovers) are left out.
/// </summary>
public static class TcpSockets
{
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    public static bool Available => File.Exists(Tables[0]) && Directory.Exists($"/proc/{Environment.ProcessId}/fd");

    public static TcpSnapshot Read(IEnumerable<int> processIds)
    {
        var owners = new Dictionary<long, int>();
        foreach (var processId in processIds.Distinct())
            foreach (var inode in SocketInodes(processId))
                owners.TryAdd(inode, processId);

        var sockets = new List<TcpSocket>();
        foreach (var table in Tables)
            foreach (var line in ReadLines(table).Skip(1))
                if (Parse(line, owners) is { } socket)
                    sockets.Add(socket);
        return new TcpSnapshot(DateTimeOffset.UtcNow, sockets);
    }

    /// <summary>The inodes of the sockets among the process's open descriptors; none once it has exited.</summary>
    private static List<long> SocketInodes(int processId)
    {
        var inodes = new List<long>();
        IEnumerable<FileSystemInfo> descriptors;
        try
        {
            descriptors = new DirectoryInfo($"/proc/{processId}/fd").EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return inodes;
        }
        foreach (var descriptor in descriptors)
        {
            string? target;
            try
            {
                target = descriptor.LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // closed while we looked
            }
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && target.EndsWith(']')
                && long.TryParse(target["socket:[".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                inodes.Add(inode);
        }
        return inodes;
    }

    private static string[] ReadLines(string table)
    {
        try
        {
            return File.ReadAllLines(table);
        }
        catch (FileNotFoundException)
        {
            return []; // a kernel without IPv6
        }
    }

    // "  1: 0200007F:E699 00000000:0000 0A 00000000:00000001 00:00000000 00000000  1000  0 1008644 …"
    private static TcpSocket? Parse(string line, Dictionary<long, int> owners)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 10 || !long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
            || !owners.TryGetValue(inode, out var processId))
            return null;
        var state = (TcpState)int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new TcpSocket(processId, Endpoint(fields[1]), Endpoint(fields[2]), state, inode);
    }

    /// <summary>
    /// "0100007F:1F90": the address as 32-bit words, each printed as the host-order number holding the network-order
    /// bytes (so writing each number back in this machine's byte order gives the address bytes), and the port in hex.
    /// IPv4-mapped IPv6 addresses (dual-mode sockets, as .NET's HttpClient opens) are written as IPv4.
    /// </summary>
    public static IPEndPoint Endpoint(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var hex = text[..colon];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < hex.Length / 8; word++)
        {
            var value = uint.Parse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            BitConverter.TryWriteBytes(bytes.AsSpan(word * 4, 4), value);
        }
        var address = new IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return new IPEndPoint(address, int.Parse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
