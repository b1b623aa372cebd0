namespace EndToEnd.Tests.Support;

/// <summary>
/// Samples the TCP sockets of some processes again and again in the background (<see cref="SamplingInterval"/>) until
/// stopped, then once more: what a test asserts over everything the processes held while it ran.
/// </summary>
public sealed class SocketWatch : IAsyncDisposable
{
    /// <summary>Often enough to see every connection that lives longer than a request or two.</summary>
    public static readonly TimeSpan SamplingInterval = TimeSpan.FromMilliseconds(50);

    private readonly int[] processIds;
    private readonly List<TcpSnapshot> snapshots = [];
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private SocketWatch(int[] processIds)
    {
        this.processIds = processIds;
        Sample();
        sampling = Task.Run(SampleAsync);
    }

    public static SocketWatch Start(params int[] processIds) => new(processIds);

    public IReadOnlyList<TcpSnapshot> Snapshots
    {
        get
        {
            lock (gate)
                return [.. snapshots];
        }
    }

    /// <summary>Stops sampling, takes one last sample, and returns them all in order.</summary>
    public async Task<IReadOnlyList<TcpSnapshot>> StopAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await sampling;
            Sample();
        }
        return Snapshots;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void Sample()
    {
        var snapshot = TcpSockets.Read(processIds);
        lock (gate)
            snapshots.Add(snapshot);
    }
}
