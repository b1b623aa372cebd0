using System.Collections.Concurrent;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// Counts failed console logins per remote address in memory: after <see cref="MaxFailures"/> within
/// <see cref="Window"/>, that address is refused (429) until its oldest failure leaves the window. Per process on
/// purpose: it slows guessing down without a shared store, and a restart forgets it.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // Addresses are pruned when their failures age out, so a scan from many addresses cannot grow this for ever.
    private const int PruneAbove = 1024;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

    /// <summary>
    /// Counts a login attempt from <paramref name="address"/> as a failure until <see cref="RecordSuccess"/> says
    /// otherwise, or refuses it with how long to wait. Counting before the password is checked, in one step, means
    /// parallel guesses cannot all slip in before the first failures are recorded.
    /// </summary>
    public bool TryBeginAttempt(string address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        if (failures.Count > PruneAbove)
            Prune(now);
        var times = failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Forget(times, now);
            if (times.Count >= MaxFailures)
            {
                retryAfter = times.Peek() + Window - now;
                return false;
            }
            times.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>The attempt succeeded: the address's failures are forgotten.</summary>
    public void RecordSuccess(string address) => failures.TryRemove(address, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, times) in failures)
            lock (times)
            {
                Forget(times, now);
                if (times.Count == 0)
                    failures.TryRemove(address, out _);
            }
    }

    private static void Forget(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - Window)
            times.Dequeue();
    }
}
