using System.Globalization;

namespace ConnectAddon.Bench;

/// <summary>
/// Counts the TCP connections one process opens to one port (the private node's to the public node), from Linux's
/// <c>/proc</c> as the end-to-end tests' TcpSockets reads it (a test project cannot be referenced): each socket in
/// <c>/proc/net/tcp{,6}</c> toward that port whose inode is among the process's descriptors, sampled every
/// <see cref="SamplingInterval"/>; a new inode is a new connection. A connection that opens and closes between two
/// samples is missed, so the count is a floor; the connections at issue (a long-poll, a kept-alive sender) live far longer.
/// Issue 14 item 9: every new connection is a TLS handshake and a proxy log line over the internet.
/// </summary>
public sealed class OpenedConnections : IAsyncDisposable
{
    public static readonly TimeSpan SamplingInterval = TimeSpan.FromMilliseconds(20);
    private static readonly string[] Tables = ["/proc/net/tcp", "/proc/net/tcp6"];

    private readonly int processId;
    private readonly int remotePort;
    private readonly HashSet<long> seen = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private OpenedConnections(int processId, int remotePort)
    {
        this.processId = processId;
        this.remotePort = remotePort;
        Sample();
        sampling = Task.Run(SampleAsync);
    }

    public static bool Available => File.Exists(Tables[0]);

    public static OpenedConnections Start(int processId, int remotePort) => new(processId, remotePort);

    /// <summary>Connections seen so far (the ones open when counting started included); a phase's figure is the difference.</summary>
    public int Seen
    {
        get
        {
            Sample();
            lock (gate)
                return seen.Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(SamplingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
                Sample();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    private void Sample()
    {
        var owned = Inodes();
        var found = new List<long>();
        foreach (var table in Tables)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            // "  1: 0100007F:C350 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000  0 1008644 …"
            foreach (var line in lines.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || fields[3] == "0A") // 0A: listening
                    continue;
                var remote = fields[2];
                if (int.Parse(remote.AsSpan(remote.IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) != remotePort)
                    continue;
                if (long.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode) && inode != 0 && owned.Contains(inode))
                    found.Add(inode);
            }
        }
        lock (gate)
            seen.UnionWith(found);
    }

    private HashSet<long> Inodes()
    {
        var inodes = new HashSet<long>();
        try
        {
            foreach (var descriptor in new DirectoryInfo($"/proc/{processId}/fd").EnumerateFileSystemInfos())
            {
                string? target;
                try
                {
                    target = descriptor.LinkTarget;
                }
                catch (IOException)
                {
                    continue; // closed while we looked
                }
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && long.TryParse(target["socket:[".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                    inodes.Add(inode);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // the process has exited
        return inodes;
    }
}
