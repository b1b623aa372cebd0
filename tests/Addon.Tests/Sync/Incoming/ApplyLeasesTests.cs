using ConnectAddon.Storage;
using ConnectAddon.Sync.Incoming;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Sync.Incoming;

/// <summary>Two processes sharing one database never apply the same connection's events at once; a dead holder is replaced.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class ApplyLeasesTests(TestStore store)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private TestDatabase stored = null!;
    private Database database = null!;
    private ManualClock clock = null!;

    [SetUp]
    public async Task Start()
    {
        stored = TestDatabase.Create(store, purpose: "apply_leases");
        database = await StoreSettings.MigratedAsync(stored);
        clock = new ManualClock(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public async Task Stop()
    {
        await database.DisposeAsync();
        await stored.DisposeAsync();
    }

    [Test]
    public async Task WhileOneProcessHoldsAConnection_AnotherCannot_ButTheHolderRenews()
    {
        var (first, second) = (new ApplyLeases(database, clock), new ApplyLeases(database, clock));

        Assert.That(await first.HoldAsync("con_a", Lease, default), Is.True);
        Assert.That(await second.HoldAsync("con_a", Lease, default), Is.False, "held by the first");
        Assert.That(await second.HoldAsync("con_b", Lease, default), Is.True, "another connection is free");
        clock.Advance(Lease / 2);
        Assert.That(await first.HoldAsync("con_a", Lease, default), Is.True, "the holder renews");
        clock.Advance(Lease / 2 + TimeSpan.FromSeconds(1));
        Assert.That(await second.HoldAsync("con_a", Lease, default), Is.False, "renewed, so not expired yet");
    }

    [Test]
    public async Task AHolderThatStopsRenewing_IsReplacedOnceItsLeaseExpires_AndCannotTakeItBack()
    {
        var (dead, next) = (new ApplyLeases(database, clock), new ApplyLeases(database, clock));
        Assert.That(await dead.HoldAsync("con_a", Lease, default), Is.True);

        clock.Advance(Lease + TimeSpan.FromMilliseconds(1));
        Assert.That(await next.HoldAsync("con_a", Lease, default), Is.True, "expired: taken over");
        Assert.That(await dead.HoldAsync("con_a", Lease, default), Is.False, "the old holder, back from a stall, finds it taken");
    }

    [Test]
    public async Task ACleanStop_ReleasesTheLeases_SoTheNextProcessGoesOnAtOnce()
    {
        var (stopping, next) = (new ApplyLeases(database, clock), new ApplyLeases(database, clock));
        Assert.That(await stopping.HoldAsync("con_a", Lease, default), Is.True);

        await stopping.ReleaseAllAsync(default);
        Assert.That(await next.HoldAsync("con_a", Lease, default), Is.True);
    }
}
