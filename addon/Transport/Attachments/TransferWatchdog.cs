namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// Cancels a transfer that makes no progress for <c>idle</c>, however long it runs while bytes keep moving: a file of
/// a gigabyte on a slow link may take an hour, a stalled one should not hold its connection for that long.
/// </summary>
internal sealed class TransferWatchdog : IDisposable
{
    private readonly CancellationToken outer;
    private readonly CancellationTokenSource source;
    private readonly TimeSpan idle;

    public TransferWatchdog(TimeSpan idle, CancellationToken outer)
    {
        this.idle = idle;
        this.outer = outer;
        source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        source.CancelAfter(idle);
    }

    public CancellationToken Token => source.Token;

    /// <summary>Whether it was the watchdog, not the caller, that stopped the transfer.</summary>
    public bool Expired => source.IsCancellationRequested && !outer.IsCancellationRequested;

    /// <summary>Bytes moved: the idle time starts again.</summary>
    public void Progress()
    {
        if (!source.IsCancellationRequested)
            source.CancelAfter(idle);
    }

    public void Dispose() => source.Dispose();
}
