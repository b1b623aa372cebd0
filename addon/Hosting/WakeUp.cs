using ConnectAddon.Storage;

namespace ConnectAddon.Hosting;

/// <summary>
/// "There may be work": lets a background worker sleep until something is queued, or until its fallback interval
/// passes. Work queued in this process wakes it at once; with a <see cref="DatabaseNotifications"/> topic, so does
/// work queued by another process sharing the database (PostgreSQL), else that is found at the fallback.
/// Notifications while nobody waits are kept as one, so none is lost between a worker's read and its wait.
/// </summary>
public class WakeUp
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly DatabaseNotifications? notifications;
    private readonly string topic = "";

    public WakeUp() { }

    protected WakeUp(DatabaseNotifications notifications, string topic)
    {
        this.notifications = notifications;
        this.topic = topic;
        notifications.Subscribe(topic, _ => NotifyHere());
    }

    /// <summary>Wakes this process's worker and, through the database, the other processes' workers.</summary>
    public void Notify()
    {
        NotifyHere();
        notifications?.Publish(topic);
    }

    private void NotifyHere()
    {
        try { signal.Release(); }
        catch (SemaphoreFullException) { /* one pending wake-up is enough */ }
    }

    /// <summary>True when woken, false when <paramref name="fallback"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan fallback, CancellationToken cancel) => signal.WaitAsync(fallback, cancel);
}
