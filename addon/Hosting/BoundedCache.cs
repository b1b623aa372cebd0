using System.Collections.Concurrent;

namespace ConnectAddon.Hosting;

/// <summary>
/// The one in-memory cache shape this node uses: entries live at most <c>lifetime</c> (on the node's
/// <see cref="TimeProvider"/>, so tests move time) and the cache never holds more than <c>capacity</c> of them. When
/// full, expired entries go first, then the ones closest to expiring, a tenth of the capacity at a time, so a burst of
/// new keys costs a few evictions and never unbounded memory. Keys should come from verified input (a tenant after its
/// signature checked, a user Jira vouched for); the bound is what keeps a flood of anything else from costing memory.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity, TimeSpan lifetime, TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new(comparer);
    private readonly Lock pruning = new();

    public int Capacity => capacity;
    public TimeSpan Lifetime => lifetime;

    /// <summary>How many entries are held now, expired ones included until they are pruned.</summary>
    public int Count => entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            if (entry.Until > clock.GetUtcNow())
            {
                value = entry.Value;
                return true;
            }
            entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
        value = default!;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> until <paramref name="from"/> + lifetime (now by default).</summary>
    public void Set(TKey key, TValue value, DateTimeOffset? from = null)
    {
        if (entries.Count >= capacity && !entries.ContainsKey(key))
            MakeRoom();
        entries[key] = new Entry(value, (from ?? clock.GetUtcNow()) + lifetime);
    }

    public void Remove(TKey key) => entries.TryRemove(key, out _);

    private void MakeRoom()
    {
        lock (pruning)
        {
            if (entries.Count < capacity)
                return;
            var now = clock.GetUtcNow();
            foreach (var (key, entry) in entries)
                if (entry.Until <= now)
                    entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            var excess = entries.Count - capacity + Math.Max(1, capacity / 10);
            if (excess <= 0)
                return;
            foreach (var (key, entry) in entries.OrderBy(e => e.Value.Until).Take(excess).ToList())
                entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
    }

    private sealed record Entry(TValue Value, DateTimeOffset Until);
}
