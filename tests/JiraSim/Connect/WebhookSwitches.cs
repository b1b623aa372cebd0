namespace JiraSim.Connect;

/// <summary>
/// Makes webhooks misbehave the ways Jira's do (DESIGN §7a: late, twice, out of order, lost), lets tests observe
/// every attempt (<see cref="Log"/>) and wait until nothing is left to send (<see cref="WhenIdleAsync"/>).
/// All switches are off by default and thread-safe; each applies to the changes made after it is set (Delay and
/// RetryPolicy: to deliveries that start after it is set). A duplicate made by <see cref="Twice"/> is held or
/// dropped like a delivery of its own.
/// </summary>
public sealed class WebhookSwitches
{
    private static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);
    private readonly Lock sync = new();
    private readonly List<WebhookDelivery> held = [];
    private readonly List<(int Left, string? Event)> drops = [];
    private readonly IdleTracker idle;
    private readonly Action<WebhookDelivery> resend;
    private bool paused, twice;
    private TimeSpan delay;
    private WebhookRetryPolicy retryPolicy = new();

    internal WebhookSwitches(IdleTracker idle, Action<WebhookDelivery> resend)
    {
        this.idle = idle;
        this.resend = resend;
    }

    public WebhookLog Log { get; } = new();

    /// <summary>Send every delivery twice, with the same identifier (a retry after a lost acknowledgement).</summary>
    public bool Twice { get { lock (sync) return twice; } set { lock (sync) twice = value; } }

    /// <summary>Hold every delivery this long before its first attempt (Jira delivers up to about 30 minutes late).</summary>
    public TimeSpan Delay { get { lock (sync) return delay; } set { lock (sync) delay = value; } }

    public WebhookRetryPolicy RetryPolicy { get { lock (sync) return retryPolicy; } set { lock (sync) retryPolicy = value; } }

    public bool IsPaused { get { lock (sync) return paused; } }
    public int HeldCount { get { lock (sync) return held.Count; } }

    /// <summary>Hold deliveries until <see cref="Release"/>; held ones do not count as busy for <see cref="WhenIdleAsync"/>.</summary>
    public void Pause()
    {
        lock (sync)
            paused = true;
    }

    /// <summary>Stops holding and sends what was held, in <paramref name="order"/> (Reversed: out of order).</summary>
    /// <returns>How many deliveries were let go.</returns>
    public int Release(HeldOrder order = HeldOrder.AsQueued)
    {
        WebhookDelivery[] released;
        lock (sync)
        {
            paused = false;
            released = [.. held];
            held.Clear();
        }
        if (order == HeldOrder.Reversed)
            Array.Reverse(released);
        else if (order == HeldOrder.Shuffled)
            Random.Shared.Shuffle(released);
        foreach (var delivery in released)
            resend(delivery with { Released = true });
        return released.Length;
    }

    /// <summary>Lose the next <paramref name="count"/> deliveries (of one event, or any): they are logged as Dropped and never sent.</summary>
    public void DropNext(int count = 1, string? webhookEvent = null)
    {
        lock (sync)
            drops.Add((count, webhookEvent));
    }

    /// <summary>Turns every switch off and releases what was held, in order. The log is kept.</summary>
    public void Reset()
    {
        lock (sync)
        {
            twice = false;
            delay = TimeSpan.Zero;
            drops.Clear();
            retryPolicy = new();
        }
        Release();
    }

    /// <summary>Completes when no delivery is queued, waiting or in flight (held ones excepted); throws TimeoutException otherwise.</summary>
    public Task WhenIdleAsync(TimeSpan? timeout = null) =>
        idle.WhenIdleAsync(timeout ?? DefaultIdleTimeout, () => $"{idle.Busy} busy, {HeldCount} held");

    internal bool TryHold(WebhookDelivery delivery)
    {
        lock (sync)
        {
            if (!paused || delivery.Released)
                return false;
            held.Add(delivery);
            return true;
        }
    }

    internal bool TryDrop(WebhookDelivery delivery)
    {
        lock (sync)
        {
            var index = drops.FindIndex(d => d.Event is null || d.Event == delivery.Event);
            if (index < 0 || delivery.Released)
                return false;
            var (left, eventName) = drops[index];
            if (left <= 1)
                drops.RemoveAt(index);
            else
                drops[index] = (left - 1, eventName);
            return true;
        }
    }
}
