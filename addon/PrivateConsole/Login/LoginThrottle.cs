using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// Counts failed console logins in memory, two ways ("Blocking Brute Force Attacks", OWASP):
/// <list type="bullet">
/// <item>per client address (an IPv6 client by its /64, which one subscriber holds whole): after
/// <see cref="MaxFailuresPerAddress"/> within <see cref="AddressWindow"/>, that address is refused (429);</item>
/// <item>per account, over every address: after <see cref="MaxFailuresPerAccount"/> within <see cref="AccountWindow"/>,
/// the account is refused to every browser except one that logged in as it before (<see cref="TrustedDevice"/>), so
/// guessing from many addresses is capped and the admin's own browser is never locked out by it.</item>
/// </list>
/// Both tables are bounded: addresses to <see cref="AddressCapacity"/> (beyond it a new address is not tracked, and the
/// account limit still caps its guesses), accounts to the ones that exist; names that are no account share one count.
/// And passwords are checked one at a time. Per process on purpose: it slows guessing down without a shared store,
/// and a restart forgets it.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailuresPerAddress = 10;
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(5);
    public const int MaxFailuresPerAccount = 20;
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(15);
    public const int AddressCapacity = 10_000;

    // A full table is swept for aged entries at most once a second: a flood of new addresses must not turn every
    // attempt into a scan of the whole table.
    private static readonly TimeSpan PruneInterval = TimeSpan.FromSeconds(1);
    private long lastPruneTicks;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> accounts = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> unknownAccounts = new();
    private readonly SemaphoreSlim verifying = new(1, 1);
    private static readonly TimeSpan VerifyWait = TimeSpan.FromSeconds(10);

    /// <summary>How many addresses are being counted now (never more than <see cref="AddressCapacity"/>).</summary>
    internal int TrackedAddresses => addresses.Count;

    /// <summary>The key an address is counted under: an IPv4 address as it is, an IPv6 one by its /64.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// Counts an attempt from <paramref name="address"/> as a failure until <see cref="RecordSuccess"/> says otherwise,
    /// or refuses it with how long to wait. Counting before the password is checked, in one step, means parallel
    /// guesses cannot all slip in before the first failures are recorded.
    /// </summary>
    public bool TryBeginFromAddress(string address, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref lastPruneTicks);
        if (addresses.Count >= AddressCapacity && now.UtcTicks - last >= PruneInterval.Ticks
            && Interlocked.CompareExchange(ref lastPruneTicks, now.UtcTicks, last) == last)
            Prune(addresses, AddressWindow, now);
        if (!addresses.TryGetValue(address, out var times))
        {
            if (addresses.Count >= AddressCapacity)
            {
                retryAfter = TimeSpan.Zero; // full of live entries: not tracked, the account limit still counts
                return true;
            }
            times = addresses.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        }
        return TryBegin(times, MaxFailuresPerAddress, AddressWindow, now, out retryAfter);
    }

    /// <summary>The same for an account that exists, for a browser it does not trust.</summary>
    public bool TryBeginForAccount(string username, out TimeSpan retryAfter) =>
        TryBegin(accounts.GetOrAdd(username, _ => new Queue<DateTimeOffset>()), MaxFailuresPerAccount, AccountWindow, clock.GetUtcNow(), out retryAfter);

    /// <summary>
    /// Names that are no account share one count, so that guessing them (each guess costs a password hash of CPU, as a
    /// real one does, to keep timing equal) is capped as guessing one account is.
    /// </summary>
    public bool TryBeginForUnknownAccount(out TimeSpan retryAfter) =>
        TryBegin(unknownAccounts, MaxFailuresPerAccount, AccountWindow, clock.GetUtcNow(), out retryAfter);

    /// <summary>
    /// Password hashing is deliberately slow (about a fifth of a second of one core): one at a time, so that a crowd of
    /// logins cannot take every core from the sync and the health check. False when the wait was too long (the node is busy).
    /// </summary>
    public Task<bool> WaitToVerifyAsync(CancellationToken cancel) => verifying.WaitAsync(VerifyWait, cancel);

    public void DoneVerifying() => verifying.Release();

    /// <summary>The attempt succeeded: the address's and the account's failures are forgotten.</summary>
    public void RecordSuccess(string address, string username)
    {
        addresses.TryRemove(address, out _);
        accounts.TryRemove(username, out _);
    }

    private static bool TryBegin(Queue<DateTimeOffset> times, int max, TimeSpan window, DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (times)
        {
            Forget(times, window, now);
            if (times.Count >= max)
            {
                retryAfter = times.Peek() + window - now;
                return false;
            }
            times.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private static void Prune(ConcurrentDictionary<string, Queue<DateTimeOffset>> table, TimeSpan window, DateTimeOffset now)
    {
        foreach (var (key, times) in table)
            lock (times)
            {
                Forget(times, window, now);
                if (times.Count == 0)
                    table.TryRemove(key, out _);
            }
    }

    private static void Forget(Queue<DateTimeOffset> times, TimeSpan window, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - window)
            times.Dequeue();
    }
}
