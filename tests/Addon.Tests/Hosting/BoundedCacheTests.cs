using System.Collections;
using System.Reflection;
using ConnectAddon.Hosting;
using ConnectAddon.Tests.Connections;

namespace ConnectAddon.Tests.Hosting;

/// <summary>
/// No cache or table in memory grows without a bound (issue 12: a cache of unknown token issuers filled the node).
/// <see cref="BoundedCache{TKey,TValue}"/> is the one cache shape; every other collection a type keeps in a field is
/// named below with what bounds it, so a new one has to be argued for here.
/// </summary>
public class BoundedCacheTests
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);

    [Test]
    public void ManyMoreKeysThanItsCapacity_NeverHoldMoreThanTheCapacity()
    {
        var cache = new BoundedCache<string, int>(100, TimeSpan.FromMinutes(5), clock);
        for (var i = 0; i < 10_000; i++)
            cache.Set("key-" + i, i);
        Assert.That(cache.Count, Is.LessThanOrEqualTo(100));
        Assert.That(cache.TryGet("key-9999", out var last) ? last : -1, Is.EqualTo(9999), "the newest entry is kept");
    }

    [Test]
    public void AnEntry_IsGoneAfterItsLifetime()
    {
        var cache = new BoundedCache<string, string>(10, TimeSpan.FromSeconds(30), clock);
        cache.Set("tenant", "value");
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.That(cache.TryGet("tenant", out _), Is.True);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(cache.TryGet("tenant", out _), Is.False);
    }

    [Test]
    public void WhenFull_ExpiredEntriesGoFirst_ThenTheOnesClosestToExpiring()
    {
        var cache = new BoundedCache<int, int>(10, TimeSpan.FromMinutes(1), clock);
        for (var i = 0; i < 10; i++)
        {
            cache.Set(i, i);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        cache.Set(100, 100); // full: the oldest tenth (entry 0) makes room

        Assert.Multiple(() =>
        {
            Assert.That(cache.TryGet(0, out _), Is.False, "the entry closest to expiring was evicted");
            Assert.That(cache.TryGet(9, out _), Is.True);
            Assert.That(cache.TryGet(100, out _), Is.True);
        });
    }

    [Test]
    public void Remove_ForgetsAtOnce()
    {
        var cache = new BoundedCache<string, int>(10, TimeSpan.FromMinutes(1), clock);
        cache.Set("a", 1);
        cache.Remove("a");
        Assert.That(cache.TryGet("a", out _), Is.False);
    }

    // What bounds each collection a type of the app keeps in a field.
    private static readonly Dictionary<string, string> Reviewed = new()
    {
        ["BoundedCache`2.entries"] = "its capacity",
        ["LoginThrottle.addresses"] = "LoginThrottle.AddressCapacity (and each queue by MaxFailuresPerAddress)",
        ["LoginThrottle.accounts"] = "only accounts that exist are counted",
        ["LoginThrottle.unknownAccounts"] = "one queue for every name that is no account, capped at MaxFailuresPerAccount",
        ["ConsoleHostNames.names"] = "the machine's own names and Console:Hosts, filled once at start",
        ["ExchangePoller.running"] = "one task per accepted connection of this private node",
        ["ChangeCaptureService.states"] = "one state per connection of this private node",
        ["JiraQuotaPauses.readings"] = "one per Jira site whose answers said how many quota points are left, and one for the app's quota across sites",
        ["JiraQuotaPauses.known"] = "one per Jira site whose quota is spent now; ended pauses are dropped at each read (every 2 s)",
        ["DatabaseNotifications.handlers"] = "one per topic (exchange, dirty, inbox, bulk), subscribed as the signals are made",
        ["ExchangeSignal.waiting"] = "one per connection whose exchange authenticated (removed on notify)",
        ["AgreedState.values"] = "one per synced field of one event, for the length of one apply",
        ["Snapshot.Keys"] = "Forge's published signing keys, at most ForgeKeySet's 100, replaced whole at each fetch",
        ["TransportOptions.Problems"] = "one per unreadable setting, filled once at start",
        ["WriteGate.urgent"] = "one waiter per writer of this process waiting for the write lock: the intake's one writer",
        ["WriteGate.background"] = "one waiter per writer of this process waiting for the write lock: the sync's workers (Sync:OutgoingConcurrency and the like)",
        ["WikiInlineScanner.pieces"] = "the pieces of the one text being converted, for the length of one conversion",
        ["ChangeCursor.SeenUpdatedMs"] = "issues of this node's own Jira updated within PrivateNode:ChangeOverlap (older ones are pruned)",
    };

    [Test]
    public void EveryCollectionTheAppKeepsInAField_IsACacheWithABound_OrReviewedAboveWithWhatBoundsIt()
    {
        var unreviewed = new List<string>();
        // The compiler's own types (closures, async state machines) hold locals for the length of one call.
        foreach (var type in typeof(BoundedCache<,>).Assembly.GetTypes().Where(t => !t.Name.Contains('<') && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))))
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral || field.IsInitOnly && field.IsStatic || !IsGrowable(field.FieldType))
                    continue;
                // An auto-property's backing field is named "<Name>k__BackingField": reviewed by the property's name.
                var member = field.Name.StartsWith('<') ? field.Name[1..field.Name.IndexOf('>')] : field.Name;
                var name = $"{type.Name}.{member}";
                if (!Reviewed.ContainsKey(name))
                    unreviewed.Add($"{type.FullName}.{field.Name} ({field.FieldType.Name})");
            }
        Assert.That(unreviewed, Is.Empty, "a collection kept in a field must be a BoundedCache, or be reviewed here with what bounds it");
    }

    // Dictionaries, sets, lists and queues a type could keep adding to; arrays and read-only views are fixed.
    private static bool IsGrowable(Type type) =>
        type.IsGenericType && !type.Name.StartsWith("IReadOnly", StringComparison.Ordinal) && !type.Name.StartsWith("BoundedCache", StringComparison.Ordinal)
        && typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string)
        && type.Namespace is "System.Collections.Generic" or "System.Collections.Concurrent";
}
