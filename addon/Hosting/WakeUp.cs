namespace ConnectAddon.Hosting;

/// <summary>
/// "There may be work": lets a background worker sleep until something is queued in this process, or until its
/// fallback interval passes (work queued by another process sharing the database is found then). Notifications
/// while nobody waits are kept as one, so none is lost between a worker's read and its wait.
/// </summary>
public class WakeUp
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try { signal.Release(); }
        catch (SemaphoreFullException) { /* one pending wake-up is enough */ }
    }

    /// <summary>True when woken, false when <paramref name="fallback"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan fallback, CancellationToken cancel) => signal.WaitAsync(fallback, cancel);
}
