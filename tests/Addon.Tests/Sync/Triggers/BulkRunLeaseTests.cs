using ConnectAddon.Storage;
using ConnectAddon.Sync.Admin;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Sync.Triggers;

/// <summary>
/// A bulk run as rows that several processes share (each its own <see cref="Database"/> and store on one database):
/// one holder at a time, its progress kept, a holder that went quiet replaced when its lease ends, and a replaced
/// holder unable to write.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class BulkRunLeaseTests(TestStore store)
{
    private static readonly TimeSpan Lease = BulkRuns.Lease;
    private TwoProcessStore shared = null!;
    private ManualClock clock = null!;
    private SyncTrigger trigger = null!;


    [SetUp]
    public async Task Start()
    {
        shared = await TwoProcessStore.StartAsync(store, "bulk_leases");
        clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        await shared.Stored.ExecuteAsync("""
            INSERT INTO connections (id, side, client_key, name, status, local_project_id, local_project_key, local_project_name, created_at_ms, updated_at_ms)
            VALUES ('con_bulk', 'public', 'client-bulk', 'Bulk', 'active', '10000', 'ACME', 'Acme', 0, 0)
            """);
        trigger = await new TriggerStore(shared.First, clock).AddAsync("con_bulk", "project = ACME", default);
    }

    [TearDown]
    public async Task Stop() => await shared.DisposeAsync();

    [Test]
    public async Task AStartedRun_IsCarriedOnByOneProcessAtATime_AndStartingItAgainChangesNothing()
    {
        var (a, b) = (new TriggerStore(shared.First, clock), new TriggerStore(shared.Second, clock));
        Assert.That(await a.ClaimBulkAsync("process-a", Lease, default), Is.Null, "nothing started yet");
        Assert.That(await a.StartBulkAsync("con_bulk", trigger.Id, default), Is.True);

        var claims = await Task.WhenAll(Task.Run(() => a.ClaimBulkAsync("process-a", Lease, default)), Task.Run(() => b.ClaimBulkAsync("process-b", Lease, default)));
        Assert.That(claims.Count(c => c is not null), Is.EqualTo(1), "one holder");
        var holder = claims[0] is not null ? "process-a" : "process-b";
        Assert.That(await a.AdvanceBulkAsync(trigger.Id, holder, "page-2", 100, Lease, default), Is.True);

        Assert.That(await b.StartBulkAsync("con_bulk", trigger.Id, default), Is.False, "a run is open: it goes on");
        var shown = (await b.FindAsync("con_bulk", trigger.Id, default))!;
        Assert.That((shown.BulkRunning, shown.BulkMatched, shown.BulkCursor), Is.EqualTo((true, 100L, "page-2")));
    }

    [Test]
    public async Task AHolderThatGoesQuiet_IsReplacedWhenItsLeaseEnds_TheRunGoesOnFromItsCursor_AndTheOldHolderWritesNothing()
    {
        var (dead, next) = (new TriggerStore(shared.First, clock), new TriggerStore(shared.Second, clock));
        await dead.StartBulkAsync("con_bulk", trigger.Id, default);
        Assert.That(await dead.ClaimBulkAsync("dead", Lease, default), Is.Not.Null);
        Assert.That(await dead.AdvanceBulkAsync(trigger.Id, "dead", "page-3", 200, Lease, default), Is.True);

        clock.Advance(Lease / 2);
        Assert.That(await next.ClaimBulkAsync("next", Lease, default), Is.Null, "still leased");
        clock.Advance(Lease);
        var taken = await next.ClaimBulkAsync("next", Lease, default);
        Assert.That((taken?.BulkCursor, taken?.BulkMatched), Is.EqualTo(("page-3", 200L)), "goes on where the first stopped");

        Assert.That(await dead.AdvanceBulkAsync(trigger.Id, "dead", "page-4", 300, Lease, default), Is.False, "the old holder's page is refused");
        Assert.That(await dead.FinishBulkAsync(trigger.Id, "dead", 300, null, default), Is.False);
        Assert.That(await next.FinishBulkAsync(trigger.Id, "next", 250, null, default), Is.True);
        var finished = (await next.FindAsync("con_bulk", trigger.Id, default))!;
        Assert.That((finished.BulkRunning, finished.BulkMatched, finished.BulkError), Is.EqualTo((false, 250L, (string?)null)));
    }
}
